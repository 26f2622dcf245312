package com.example.notes;

import org.springframework.stereotype.Component;

/** Asks for the implementation class: it would get an unguarded NotesService. */
@Component
public class NeedsTheImplementation {
  public NeedsTheImplementation(NotesService notes) {}
}
