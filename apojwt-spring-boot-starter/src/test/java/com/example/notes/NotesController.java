package com.example.notes;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes calling the handler interface, whichever bean implements it: the guard. */
@RestController
public class NotesController {
  private final NotesApi notes;

  public NotesController(NotesApi notes) {
    this.notes = notes;
  }

  @GetMapping("/open")
  public String open() {
    return notes.open();
  }

  @GetMapping("/mine")
  public String mine() {
    return notes.mine(null);
  }

  @PostMapping("/purge")
  public String purge() {
    return notes.purge(null);
  }

  @PostMapping("/refresh")
  public String refresh() {
    return notes.refresh(null);
  }
}
