package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's model-layer block: a table whose times, soft-delete mark and version Sluice keeps. */
final class ModelSnippet {
  private ModelSnippet() {}

  /** A note. */
  public record Note(Integer id, String title, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                     OffsetDateTime deletedAt, Integer version) {
    Note withTitle(String t) { return new Note(id, t, createdAt, updatedAt, deletedAt, version); }
  }

  // tag::model-table[]
  public static final class Notes extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> title = varchar("title", 100).notNull();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().createdAt();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().updatedAt();
    public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at").deletedAt();     // soft delete
    public final Column<Integer> version = integer("version").notNull().version();            // optimistic lock

    public Notes() { super("notes"); }
  }
  // end::model-table[]

  static final Notes NOTES = new Notes();

  static Database timed(String url, Clock clock) {
    // tag::model-clock[]
    Database db = Database.builder().url(url).clock(clock).build();   // tests pass Clock.fixed(...)
    // end::model-clock[]
    return db;
  }

  static List<Object> behaviour(Database db, Note read) {
    // tag::model-behaviour[]
    Mono<Note> note   = db.insertInto(NOTES).set(NOTES.title, "draft").returning(); // both times = now, version 1
    Mono<Long> edit   = db.update(NOTES).byKey(read.withTitle("final")).execute();  // ... WHERE "id" = $4 AND "version" = $5
    Mono<Long> trash  = db.deleteFrom(NOTES).where(eq(NOTES.id, read.id())).execute(); // UPDATE ... SET "deleted_at" = $1
    Flux<Note> live   = db.selectFrom(NOTES).fetch();                                // WHERE "deleted_at" IS NULL
    Flux<Note> binned = db.selectFrom(NOTES).onlyDeleted().fetch();                  // WHERE "deleted_at" IS NOT NULL
    Mono<Long> back   = db.update(NOTES).restore(eq(NOTES.id, read.id())).execute();
    Flux<Note> all    = db.selectFrom(NOTES).withDeleted().fetch();
    Mono<Long> gone   = db.deleteFrom(NOTES).permanently().where(eq(NOTES.id, read.id())).execute();
    // end::model-behaviour[]
    return List.of(note, edit, trash, live, binned, back, all, gone);
  }
}
