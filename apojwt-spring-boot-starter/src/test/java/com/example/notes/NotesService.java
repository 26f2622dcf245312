package com.example.notes;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/** The implementation: checks nothing, counts its calls. */
@Service
public class NotesService implements NotesApi {
  /** Calls that reached the implementation. */
  public static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public String open() {
    CALLS.incrementAndGet();
    return "open";
  }

  @Override
  public String mine(String subject) {
    CALLS.incrementAndGet();
    return "notes of " + subject;
  }

  @Override
  public String purge(String subject) {
    CALLS.incrementAndGet();
    return "purged by " + subject;
  }

  @Override
  public String refresh(Map<String, Object> data) {
    CALLS.incrementAndGet();
    return "refreshed " + data.get("user_id");
  }
}
