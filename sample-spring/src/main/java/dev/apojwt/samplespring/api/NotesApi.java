package dev.apojwt.samplespring.api;

import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.List;
import java.util.Optional;

/** The notes. Callers pass {@code null} for the parameters the guard fills in. */
public interface NotesApi {
  /** {@code GET /notes/mine}: the caller's own notes. */
  @TokenRequired
  List<Note> mine(@TokenSubject String owner);

  /** {@code GET /notes/{id}}. */
  @PermissionRequired(Perms.NOTES_READ)
  Optional<Note> get(long id);

  /** {@code POST /notes}. */
  @PermissionRequired(Perms.NOTES_WRITE)
  Note create(String text, @TokenSubject String owner);

  /** {@code DELETE /notes/{id}}. */
  @PermissionRequired(Perms.NOTES_ADMIN)
  boolean delete(long id);

  /** {@code GET /notes}: every note, for admins and support. */
  @PermissionRequired(anyOf = {Perms.NOTES_ADMIN, Perms.SUPPORT})
  List<Note> all();
}
