package com.example.notes;

import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;

/** A second handler interface. */
@TokenRequired
public interface TagsApi {
  String tags(@TokenSubject String subject);
}
