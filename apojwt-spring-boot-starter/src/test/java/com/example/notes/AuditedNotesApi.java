package com.example.notes;

import dev.apojwt.annotation.PermissionRequired;

/** A handler interface extending another: its guard stands for both. */
public interface AuditedNotesApi extends NotesApi {
  @PermissionRequired(NotesPerms.NOTES_ADMIN)
  String audit();
}
