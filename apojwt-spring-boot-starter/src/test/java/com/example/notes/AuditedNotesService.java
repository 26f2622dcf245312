package com.example.notes;

/** Implements a handler interface that extends another. */
public class AuditedNotesService extends NotesService implements AuditedNotesApi {
  @Override
  public String audit() {
    return "audited";
  }
}
