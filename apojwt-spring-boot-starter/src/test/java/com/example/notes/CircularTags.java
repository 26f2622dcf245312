package com.example.notes;

import org.springframework.beans.factory.annotation.Autowired;

/** A handler implementation in a circular reference: its helper gets it early. */
public class CircularTags implements TagsApi {
  @Autowired public Helper helper;

  @Override
  public String tags(String subject) {
    return "circular " + subject;
  }

  /** Depends on the handler interface, which is still being created when it is injected. */
  public static class Helper {
    @Autowired public TagsApi tags;
  }
}
