package com.example.notes;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Service;

/** A prototype-scoped handler implementation: every instance must be a guard. */
@Service
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class TagsService implements TagsApi {
  @Override
  public String tags(String subject) {
    return "tags of " + subject;
  }
}
