package com.example.notes;

import dev.apojwt.annotation.PermissionCatalog;

/** The starter tests' permissions. */
@PermissionCatalog
public interface NotesPerms {
  String NOTES_ADMIN = "notes:admin";
}
