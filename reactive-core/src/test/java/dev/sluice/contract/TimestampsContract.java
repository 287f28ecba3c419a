package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Stamped.NOTES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.query.Values;
import dev.sluice.schema.Table;
import dev.sluice.testing.Stamped.HandClock;
import dev.sluice.testing.Stamped.Note;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code createdAt()}/{@code updatedAt()} columns on a live database: filled from the builder's
 * {@code Clock} on insert (one row, many, partial), update (by key and bulk) and upsert; the
 * creation time never changes after the insert.
 */
public abstract class TimestampsContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant T1 = Instant.parse("2026-02-03T04:05:06Z");
  private static final Instant T2 = Instant.parse("2026-03-04T05:06:07Z");

  private HandClock clock;
  private Database timed;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {NOTES}; }

  @BeforeEach
  void clock() {
    clock = new HandClock(T0);
    timed = builder().clock(clock).build();
  }

  private List<Note> notes() {
    return db.selectFrom(NOTES).orderBy(NOTES.code).fetch().collectList().block(T);
  }

  private static void assertTimes(Note n, Instant created, Instant updated) {
    assertThat(n.createdAt().toInstant()).as(n.code() + " created").isEqualTo(created);
    assertThat(n.updatedAt()).as(n.code() + " updated").isEqualTo(LocalDateTime.ofInstant(updated, ZoneOffset.UTC));
  }

  @Test
  void anInsertFillsBothTimesFromTheClock() {
    Note back = timed.insertInto(NOTES).values(Note.of("a", "first")).returning().block(T);
    assertTimes(back, T0, T0);
    assertTimes(notes().get(0), T0, T0);
  }

  @Test
  void manyRowsAndPartialRowsGetTheClocksTimeToo() {
    timed.insertInto(NOTES).values(List.of(Note.of("a", "x"), Note.of("b", "y"))).execute().block(T);
    clock.set(T1);
    timed.insertInto(NOTES).set(NOTES.code, "c").execute().block(T);
    timed.insertInto(NOTES).rows(List.of(Values.of(NOTES).set(NOTES.code, "d"),
        Values.of(NOTES).set(NOTES.code, "e"))).execute().block(T);
    List<Note> notes = notes();
    assertTimes(notes.get(0), T0, T0);
    assertTimes(notes.get(1), T0, T0);
    assertTimes(notes.get(2), T1, T1);
    assertTimes(notes.get(3), T1, T1);
    assertTimes(notes.get(4), T1, T1);
  }

  @Test
  void aGivenCreationTimeIsKept() {
    Instant old = Instant.parse("2020-05-06T07:08:09Z");
    timed.insertInto(NOTES).values(new Note(null, "a", "imported", old.atOffset(ZoneOffset.UTC), null))
        .execute().block(T);
    assertTimes(notes().get(0), old, T0);
  }

  @Test
  void anUpdateSetsTheUpdateTimeAndNeverTheCreationTime() {
    Note a = timed.insertInto(NOTES).values(Note.of("a", "x")).returning().block(T);
    timed.insertInto(NOTES).values(Note.of("b", "y")).execute().block(T);
    clock.set(T1);
    timed.update(NOTES).set(NOTES.title, "by key").where(eq(NOTES.id, a.id())).execute().block(T);
    assertTimes(notes().get(0), T0, T1);
    assertTimes(notes().get(1), T0, T0);
    clock.set(T2);
    assertThat(timed.update(NOTES).set(NOTES.title, "bulk").all().execute().block(T)).isEqualTo(2L);
    assertThat(notes()).allSatisfy(n -> assertTimes(n, T0, T2));
    clock.set(T1);
    timed.update(NOTES).set(new Note(a.id(), "a", "whole record", null, null)).where(eq(NOTES.id, a.id()))
        .execute().block(T);
    assertThat(notes().get(0).title()).isEqualTo("whole record");
    assertTimes(notes().get(0), T0, T1);
  }

  @Test
  void anUpsertKeepsTheCreationTimeAndSetsTheUpdateTime() {
    Note a = timed.save(NOTES, Note.of("a", "x")).block(T);
    assertTimes(a, T0, T0);
    clock.set(T1);
    Note saved = timed.save(NOTES, new Note(a.id(), "a", "saved again", null, null)).block(T);
    assertThat(saved.title()).isEqualTo("saved again");
    assertTimes(saved, T0, T1);
    clock.set(T2);
    timed.insertInto(NOTES).values(Note.of("a", "upserted")).onConflict(NOTES.code).doUpdate(NOTES.title)
        .execute().block(T);
    assertThat(notes()).hasSize(1);
    assertThat(notes().get(0).title()).isEqualTo("upserted");
    assertTimes(notes().get(0), T0, T2);
  }
}
