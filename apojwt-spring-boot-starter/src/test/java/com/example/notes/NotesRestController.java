package com.example.notes;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller implementing a handler interface itself: its guard would be no controller. */
@RestController
public class NotesRestController implements TagsApi {
  @Override
  @GetMapping("/tags")
  public String tags(String subject) {
    return subject;
  }
}
