package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A table whose creation and update times Sluice fills, and a clock the tests move by hand. */
public final class Stamped {
  private Stamped() {}

  /** Notes: a unique code, a title, a timestamptz creation time and a timestamp update time. */
  public static final class Notes extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> code = varchar("code", 20).notNull().unique();
    public final Column<String> title = varchar("title", 100);
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().createdAt();
    public final Column<LocalDateTime> updatedAt = timestamp("updated_at").notNull().updatedAt();

    public Notes() { super("notes"); }
  }

  /** A note. */
  public record Note(Integer id, String code, String title, OffsetDateTime createdAt, LocalDateTime updatedAt) {
    /** A new note: no key, no times. */
    public static Note of(String code, String title) { return new Note(null, code, title, null, null); }
  }

  public static final Notes NOTES = new Notes();

  /** A clock that stands still until {@link #set} moves it; one per test, never shared. */
  public static final class HandClock extends Clock {
    private volatile Instant now;

    public HandClock(Instant start) { this.now = start; }

    /** Moves the clock to {@code instant}. */
    public void set(Instant instant) { this.now = instant; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }

    @Override public Instant instant() { return now; }
  }
}
