package com.example.notes;

import dev.apojwt.annotation.PermissionRequired;

/** A handler interface whose implementations come from a @Bean method and a FactoryBean. */
public interface ArchiveApi {
  @PermissionRequired(NotesPerms.NOTES_ADMIN)
  String archive();
}
