package dev.sluice.testing;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.schema.Column;
import dev.sluice.schema.Hook;
import dev.sluice.schema.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Notes whose table declares one hook of each kind, and whose record carries Bean Validation constraints. */
public final class Hooked {
  private Hooked() {}

  /** Raised by the hooks to refuse a write. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) { super(message); }
  }

  /**
   * Notes. {@code beforeInsert} derives the slug from the title (asynchronously, on another thread)
   * and refuses the title "forbidden"; {@code beforeUpdate} stamps the editor unless the update gives
   * one and never touches pinned notes; {@code beforeDelete} keeps pinned notes and refuses to
   * delete every note; {@code afterFetch} shows a missing editor as "(none)".
   */
  public static final class Notes extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> title = varchar("title", 100).notNull();
    public final Column<String> slug = varchar("slug", 100);
    public final Column<String> editor = varchar("editor", 100);
    public final Column<Boolean> pinned = bool("pinned").notNull().defaultValue(false);

    public final Hook<Note> slugFromTitle = beforeInsert(n -> "forbidden".equals(n.title())
        ? Mono.error(new Refused("the title 'forbidden' is refused"))
        : Mono.fromCallable(() -> n.withSlug(n.title().toLowerCase().replace(' ', '-')))
            .subscribeOn(Schedulers.parallel()));

    public final Hook<Note> stampEditor = beforeUpdate(u -> "forbidden".equals(u.valueOf(this.title))
        ? Mono.error(new Refused("renaming to 'forbidden' is refused"))
        : Mono.just((u.valueOf(this.editor) != null ? u : u.set(this.editor, "hook")).and(eq(this.pinned, false))));

    public final Hook<Note> keepPinned = beforeDelete(d -> d.where() == null
        ? Mono.error(new Refused("deleting every note is refused"))
        : Mono.just(d.and(eq(this.pinned, false))));

    public final Hook<Note> showNoEditor = afterFetch(n -> Mono.just(n.editor() == null ? n.withEditor("(none)") : n));

    public Notes() { super("hooked_notes"); }
  }

  /** A note. */
  public record Note(Integer id, @NotBlank @Size(max = 40) String title, String slug,
      @Size(max = 10) String editor, Boolean pinned) {
    /** A new note. */
    public static Note of(String title, boolean pinned) { return new Note(null, title, null, null, pinned); }

    public Note withSlug(String s) { return new Note(id, title, s, editor, pinned); }

    public Note withEditor(String e) { return new Note(id, title, slug, e, pinned); }

    public Note withTitle(String t) { return new Note(id, t, slug, editor, pinned); }
  }

  public static final Notes NOTES = new Notes();

  /** Pins of notes: a table without hooks whose relation loads notes (through their afterFetch). */
  public static final class Pins extends Table<Pin> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> noteId = integer("note_id").notNull().references(() -> NOTES.id);
    public final dev.sluice.schema.Relation<Pin, Note> note = belongsTo(() -> noteId);

    public Pins() { super("hooked_pins"); }
  }

  /** A pin. */
  public record Pin(Integer id, Integer noteId) {}

  /** A pin with its note loaded. */
  public record PinWithNote(Integer id, Integer noteId, Note note) {}

  public static final Pins PINS = new Pins();
}
