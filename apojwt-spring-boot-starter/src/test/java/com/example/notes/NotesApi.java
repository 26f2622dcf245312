package com.example.notes;

import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.Public;
import dev.apojwt.annotation.Refresh;
import dev.apojwt.annotation.RefreshData;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.Map;

/** The starter tests' handler interface. */
public interface NotesApi {
  @Public
  String open();

  @TokenRequired
  String mine(@TokenSubject String subject);

  @PermissionRequired(NotesPerms.NOTES_ADMIN)
  String purge(@TokenSubject String subject);

  @Refresh
  String refresh(@RefreshData Map<String, Object> data);
}
