package dev.apojwt.samplespring.notes;

import dev.apojwt.samplespring.api.Note;
import dev.apojwt.samplespring.api.NotesApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * The notes, in memory. It checks no token: the starter replaces this bean by the guard, which
 * calls it only for callers that pass {@link NotesApi}'s rules.
 */
@Service
public class NotesService implements NotesApi {
  static final int MAX_NOTES = 10_000;

  private final Map<Long, Note> notes = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public List<Note> mine(String owner) {
    return notes.values().stream().filter(n -> n.owner().equals(owner)).sorted(byId()).toList();
  }

  @Override
  public Optional<Note> get(long id) {
    return Optional.ofNullable(notes.get(id));
  }

  @Override
  public Note create(String text, String owner) {
    if (text == null || text.isBlank() || text.length() > 1000) {
      throw new IllegalArgumentException("a note is 1 to 1000 characters of text");
    }
    if (notes.size() >= MAX_NOTES) {
      throw new IllegalStateException("the demo keeps at most " + MAX_NOTES + " notes");
    }
    Note note = new Note(ids.incrementAndGet(), owner, text);
    notes.put(note.id(), note);
    return note;
  }

  @Override
  public boolean delete(long id) {
    return notes.remove(id) != null;
  }

  @Override
  public List<Note> all() {
    List<Note> all = new ArrayList<>(notes.values());
    all.sort(byId());
    return all;
  }

  private static Comparator<Note> byId() {
    return Comparator.comparingLong(Note::id);
  }
}
