package dev.apojwt.samplespring.web;

import dev.apojwt.samplespring.api.Note;
import dev.apojwt.samplespring.api.NotesApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /notes}: the routes call {@link NotesApi}, which is the guard. */
@RestController
@RequestMapping("/notes")
public class NotesController {
  private final NotesApi notes;

  public NotesController(NotesApi notes) {
    this.notes = notes;
  }

  /** The JSON body of a new note. */
  public record NewNote(String text) {}

  @GetMapping("/mine")
  public List<Note> mine() {
    return notes.mine(null);
  }

  @GetMapping("/{id}")
  public ResponseEntity<Note> get(@PathVariable("id") long id) {
    return ResponseEntity.of(notes.get(id));
  }

  @PostMapping
  public ResponseEntity<Note> create(@RequestBody NewNote note) {
    return ResponseEntity.status(HttpStatus.CREATED).body(notes.create(note.text(), null));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable("id") long id) {
    return notes.delete(id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @GetMapping
  public List<Note> all() {
    return notes.all();
  }
}
