package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Hooked.NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.observe.Finish;
import dev.sluice.schema.Table;
import dev.sluice.testing.Hooked.Note;
import dev.sluice.testing.Hooked.Refused;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lifecycle hooks on a live database: {@code beforeInsert} on every record of single, bulk and
 * streamed inserts (with backpressure kept), {@code beforeUpdate} and {@code beforeDelete} once per
 * statement, {@code afterFetch} on every record read, {@code withoutHooks()} on each, and a hook's
 * error aborting the statement with nothing sent (rolled back with its transaction).
 */
public abstract class HooksContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private final AtomicInteger sent = new AtomicInteger();
  private Database counted;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {dev.sluice.testing.Hooked.PINS, NOTES}; }

  @BeforeEach
  void countStatements() {
    sent.set(0);
    counted = builder().observer(e -> {
      sent.incrementAndGet();
      return Finish.NOTHING;
    }).build();
  }

  private List<Note> rawNotes() {
    return db.selectFrom(NOTES).withoutHooks().orderBy(NOTES.id).fetch().collectList().block(T);
  }

  @Test
  void beforeInsertRunsOnOneRowAndOnEachOfMany() {
    Note one = db.insertInto(NOTES).values(Note.of("Hello World", false)).returning().block(T);
    assertThat(one.slug()).isEqualTo("hello-world");
    db.insertInto(NOTES).values(List.of(Note.of("A b", false), Note.of("C d", true))).execute().block(T);
    assertThat(db.save(NOTES, Note.of("Saved Note", false)).block(T).slug()).isEqualTo("saved-note");
    assertThat(rawNotes()).extracting(Note::slug).containsExactly("hello-world", "a-b", "c-d", "saved-note");
  }

  @Test
  void withoutHooksInsertsTheRecordAsGiven() {
    db.insertInto(NOTES).values(Note.of("As Is", false)).withoutHooks().execute().block(T);
    db.insertInto(NOTES).values(List.of(Note.of("Also As Is", false))).withoutHooks().execute().block(T);
    assertThat(rawNotes()).extracting(Note::slug).containsExactly(null, null);
  }

  @Test
  void aBeforeInsertErrorSendsNothing() {
    assertThatThrownBy(() -> counted.insertInto(NOTES).values(Note.of("forbidden", false)).execute().block(T))
        .isInstanceOf(Refused.class).hasMessageContaining("'forbidden' is refused");
    assertThat(sent.get()).as("statements sent").isZero();
    assertThat(rawNotes()).isEmpty();
  }

  @Test
  void aBeforeInsertErrorRollsBackItsTransactionAndTheBulkInsert() {
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.insertInto(NOTES).values(Note.of("kept?", false)).execute()
            .then(tx.insertInto(NOTES).values(Note.of("forbidden", false)).execute())).blockLast(T))
        .isInstanceOf(Refused.class);
    Flux<Note> many = Flux.range(0, 700).map(i -> Note.of(i == 650 ? "forbidden" : "n" + i, false));
    assertThatThrownBy(() -> db.insertInto(NOTES).values(many).execute().block(T)).isInstanceOf(Refused.class);
    assertThat(rawNotes()).isEmpty();
  }

  @Test
  void aStreamedInsertThroughHooksKeepsBackpressure() {
    AtomicLong largestRequest = new AtomicLong();
    Flux<Note> rows = Flux.range(0, 3000).map(i -> Note.of("Row " + i, false))
        .doOnRequest(n -> largestRequest.accumulateAndGet(n, Math::max));
    assertThat(db.insertInto(NOTES).values(rows).execute().block(T)).isEqualTo(3000L);
    assertThat(largestRequest.get()).as("largest request to the source").isLessThanOrEqualTo(256);
    assertThat(db.selectFrom(NOTES).where(eq(NOTES.slug, "row-2999")).exists().block(T)).isTrue();
  }

  @Test
  void beforeUpdateRunsOnceOnTheStatementNotPerRow() {
    db.insertInto(NOTES).values(List.of(Note.of("a", false), Note.of("b", true), Note.of("c", false)))
        .execute().block(T);
    assertThat(db.update(NOTES).set(NOTES.title, "x").all().execute().block(T))
        .as("the hook's filter leaves the pinned note out of the one statement").isEqualTo(2L);
    assertThat(rawNotes()).extracting(Note::title, Note::editor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "hook"), org.assertj.core.groups.Tuple.tuple("b", null),
            org.assertj.core.groups.Tuple.tuple("x", "hook"));
    db.update(NOTES).set(NOTES.editor, "ann").where(eq(NOTES.title, "x")).execute().block(T);
    assertThat(rawNotes()).extracting(Note::editor).containsExactly("ann", null, "ann");
    db.update(NOTES).set(NOTES.title, "y").all().withoutHooks().execute().block(T);
    assertThat(rawNotes()).extracting(Note::title).containsOnly("y");
  }

  @Test
  void beforeUpdateSeesTheRecordOfAnUpdateByKey() {
    Note n = db.insertInto(NOTES).values(Note.of("a", false)).returning().block(T);
    db.update(NOTES).byKey(n.withTitle("b")).execute().block(T);
    assertThat(rawNotes().get(0)).extracting(Note::title, Note::editor).containsExactly("b", "hook");
  }

  @Test
  void aBeforeUpdateErrorSendsNothing() {
    db.insertInto(NOTES).values(Note.of("a", false)).execute().block(T);
    sent.set(0);
    assertThatThrownBy(() -> counted.update(NOTES).set(NOTES.title, "forbidden").all().execute().block(T))
        .isInstanceOf(Refused.class);
    Note n = rawNotes().get(0);
    assertThatThrownBy(() -> counted.update(NOTES).byKey(n.withTitle("forbidden")).execute().block(T))
        .isInstanceOf(Refused.class);
    assertThat(sent.get()).isZero();
    assertThat(rawNotes()).extracting(Note::title).containsExactly("a");
  }

  @Test
  void beforeDeleteNarrowsOrRefusesTheStatement() {
    db.insertInto(NOTES).values(List.of(Note.of("a", false), Note.of("b", true))).execute().block(T);
    assertThat(db.deleteFrom(NOTES).where(isNotNull(NOTES.id)).execute().block(T)).isEqualTo(1L);
    assertThat(rawNotes()).extracting(Note::title).containsExactly("b");
    assertThatThrownBy(() -> counted.deleteFrom(NOTES).all().execute().block(T))
        .isInstanceOf(Refused.class).hasMessageContaining("every note");
    assertThat(sent.get()).isZero();
    assertThat(db.deleteFrom(NOTES).all().withoutHooks().execute().block(T)).isEqualTo(1L);
  }

  @Test
  void afterFetchRunsOnEveryReadOfTheTable() {
    db.insertInto(NOTES).values(List.of(Note.of("a", false), Note.of("b", false))).execute().block(T);
    assertThat(db.selectFrom(NOTES).fetch().map(Note::editor).collectList().block(T)).containsOnly("(none)");
    assertThat(db.selectFrom(NOTES).where(eq(NOTES.title, "a")).fetchOne().block(T).editor()).isEqualTo("(none)");
    assertThat(db.selectFrom(NOTES).fetchFirst().block(T).editor()).isEqualTo("(none)");
    assertThat(db.selectFrom(NOTES).orderBy(NOTES.id).paginate(0, 1).block(T).items())
        .extracting(Note::editor).containsExactly("(none)");
    assertThat(db.selectFrom(NOTES).chunks(1).flatMapIterable(c -> c).map(Note::editor).collectList().block(T))
        .containsOnly("(none)");
    assertThat(db.selectFrom(NOTES).withoutHooks().fetch().map(n -> String.valueOf(n.editor())).collectList().block(T))
        .containsOnly("null");
  }

  @Test
  void afterFetchRunsOnCachedReadsWhichKeepTheRowsAsRead() {
    db.insertInto(NOTES).values(List.of(Note.of("a", false), Note.of("b", false))).execute().block(T);
    AtomicInteger statements = new AtomicInteger();
    Database cachedDb = builder()
        .cache(dev.sluice.cache.InMemoryQueryCache.builder().build()).observer(e -> {
          statements.incrementAndGet();
          return Finish.NOTHING;
        }).build();
    for (int i = 0; i < 2; i++) { // a miss, then a hit: the hooks run on both
      assertThat(cachedDb.selectFrom(NOTES).orderBy(NOTES.id).cached().list().block(T))
          .extracting(Note::editor).containsExactly("(none)", "(none)");
    }
    assertThat(statements).as("the second read was a hit").hasValue(1);
    assertThat(cachedDb.selectFrom(NOTES).where(eq(NOTES.title, "a")).cached().fetchOne().block(T).editor())
        .isEqualTo("(none)");
    // the same query without hooks: the rows as read (a query of its own in the cache, or the same rows)
    assertThat(cachedDb.selectFrom(NOTES).orderBy(NOTES.id).withoutHooks().cached().fetch()
        .map(n -> String.valueOf(n.editor())).collectList().block(T)).containsExactly("null", "null");
  }

  @Test
  void afterFetchRunsOnTheRecordsARelationLoads() {
    Note n = db.insertInto(NOTES).values(Note.of("a", false)).returning().block(T);
    db.insertInto(dev.sluice.testing.Hooked.PINS).values(new dev.sluice.testing.Hooked.Pin(null, n.id())).execute()
        .block(T);
    dev.sluice.testing.Hooked.Pins pins = dev.sluice.testing.Hooked.PINS;
    assertThat(db.selectFrom(pins).with(pins.note).fetch(dev.sluice.testing.Hooked.PinWithNote.class)
        .single().block(T).note().editor()).isEqualTo("(none)");
  }

  /** The row record as a component beside a column. */
  public record NoteRow(Note note, String title) {}

  /** A partial record of the notes: not the record the hook was written for. */
  public record NoteEditor(Integer id, String editor) {}

  /** A joined row: one record per table. */
  public record PinAndNote(dev.sluice.testing.Hooked.Pin pin, Note note) {}

  @Test
  void afterFetchRunsOnTheRowRecordOfAProjectionButNotOnAPartialRecord() {
    db.insertInto(NOTES).values(List.of(Note.of("a", false), Note.of("b", false))).execute().block(T);
    assertThat(db.selectFrom(NOTES).orderBy(NOTES.id).fetch(Note.class).map(Note::editor).collectList().block(T))
        .as("fetch(Class) of the row record itself").containsExactly("(none)", "(none)");
    assertThat(db.selectFrom(NOTES).orderBy(NOTES.id).fetch(NoteRow.class).collectList().block(T))
        .as("the whole row as a component").extracting(r -> r.note().editor() + "/" + r.title())
        .containsExactly("(none)/a", "(none)/b");
    assertThat(db.selectFrom(NOTES).orderBy(NOTES.id).fetch(NoteEditor.class).map(r -> String.valueOf(r.editor()))
        .collectList().block(T)).as("a partial record is read as it is").containsExactly("null", "null");
    assertThat(db.selectFrom(NOTES).withoutHooks().orderBy(NOTES.id).fetch(NoteRow.class)
        .map(r -> String.valueOf(r.note().editor())).collectList().block(T))
        .as("withoutHooks() before fetch(Class)").containsExactly("null", "null");
    assertThat(db.selectFrom(NOTES).withoutHooks().orderBy(NOTES.id).fetch(Note.class)
        .map(n -> String.valueOf(n.editor())).collectList().block(T)).containsExactly("null", "null");
  }

  @Test
  void afterFetchRunsOnEachTableRecordOfAJoinedRowUnlessTheQueryOptsOut() {
    Note n = db.insertInto(NOTES).values(Note.of("a", false)).returning().block(T);
    dev.sluice.testing.Hooked.Pins pins = dev.sluice.testing.Hooked.PINS;
    db.insertInto(pins).values(new dev.sluice.testing.Hooked.Pin(null, n.id())).execute().block(T);
    assertThat(db.selectFrom(pins).join(NOTES).on(eq(pins.noteId, NOTES.id)).fetch(PinAndNote.class)
        .single().block(T).note().editor()).isEqualTo("(none)");
    assertThat(db.selectFrom(pins).join(NOTES).on(eq(pins.noteId, NOTES.id)).fetch((p, note) -> note.editor())
        .single().block(T)).isEqualTo("(none)");
    assertThat(db.selectFrom(pins).join(NOTES).on(eq(pins.noteId, NOTES.id)).withoutHooks().fetch(PinAndNote.class)
        .single().block(T).note().editor()).isNull();
    assertThat(db.selectFrom(pins).withoutHooks().join(NOTES).on(eq(pins.noteId, NOTES.id))
        .fetch((p, note) -> String.valueOf(note.editor())).single().block(T)).isEqualTo("null");
  }

  @Test
  void aRelationLoadOptsOutOfTheRelatedTablesHooksWithTheQuery() {
    Note n = db.insertInto(NOTES).values(Note.of("a", false)).returning().block(T);
    dev.sluice.testing.Hooked.Pins pins = dev.sluice.testing.Hooked.PINS;
    db.insertInto(pins).values(new dev.sluice.testing.Hooked.Pin(null, n.id())).execute().block(T);
    assertThat(db.selectFrom(pins).with(pins.note).withoutHooks().fetch(dev.sluice.testing.Hooked.PinWithNote.class)
        .single().block(T).note().editor()).isNull();
    assertThat(db.selectFrom(pins).withoutHooks().with(pins.note).fetch(dev.sluice.testing.Hooked.PinWithNote.class)
        .single().block(T).note().editor()).isNull();
  }
}
