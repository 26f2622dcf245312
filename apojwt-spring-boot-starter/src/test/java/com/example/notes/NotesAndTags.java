package com.example.notes;

import java.util.Map;

/** Implements two handler interfaces: no single guard can stand for it. */
public class NotesAndTags implements NotesApi, TagsApi {
  @Override
  public String open() {
    return "open";
  }

  @Override
  public String mine(String subject) {
    return subject;
  }

  @Override
  public String purge(String subject) {
    return subject;
  }

  @Override
  public String refresh(Map<String, Object> data) {
    return "refreshed";
  }

  @Override
  public String tags(String subject) {
    return subject;
  }
}
