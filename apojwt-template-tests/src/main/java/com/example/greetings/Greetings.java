package com.example.greetings;

import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;

public interface Greetings {
  @TokenRequired
  String hello(@TokenSubject String user);
}
