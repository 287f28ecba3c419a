package dev.sluice.migrations.it;

import static dev.sluice.migrations.fixtures.EnumLabels.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.push.Pusher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * How long SQLite's table rebuild takes for enum label changes on 100,000 rows (a label renamed, so
 * every row goes through the rewriting copy), pushed on a file database; the rows are all kept and
 * rewritten. Prints {@code [speed sqlite] ...}.
 */
class SqliteEnumLabelSpeedIT {
  private static final Duration T = Duration.ofSeconds(120);
  private static final int ROWS = 100_000;
  private Database db;

  @BeforeEach
  void open() {
    db = LiveTarget.sqlite("enumspeed").open();
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  private long count(String mood) {
    return db.sql("SELECT COUNT(*) AS n FROM people WHERE mood = {0}", mood).fetch()
        .map(r -> r.get("n", Long.class)).blockFirst(T);
  }

  @Test
  void aLabelRenamedOver100kRowsRewritesThemAll() {
    Pusher.builder(db).build().push(version("sad", "happy")).block(T);
    db.inTransaction(tx -> Flux.range(0, ROWS / 1000).concatMap(chunk -> tx.sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                + " INSERT INTO people (name, mood) SELECT 'p' || i, CASE i % 2 WHEN 0 THEN {0} ELSE {1} END FROM n",
            "happy", "sad").fetch()).then()).blockLast(T);
    assertThat(count("happy")).isEqualTo(ROWS / 2);

    long t0 = System.nanoTime();
    Pusher.builder(db).renames(RenameResolver.flags(List.of("enum.mood.happy:glad"))).build()
        .push(version("sad", "glad")).block(T);
    long renameMs = (System.nanoTime() - t0) / 1_000_000;
    long t1 = System.nanoTime();
    Pusher.builder(db).build().push(version("sad", "glad", "calm")).block(T);
    long addMs = (System.nanoTime() - t1) / 1_000_000;

    assertThat(count("glad")).isEqualTo(ROWS / 2);
    assertThat(count("sad")).isEqualTo(ROWS / 2);
    assertThat(count("happy")).isZero();
    System.out.printf("[speed sqlite] enum label renamed over %,d rows: %d ms; a label added: %d ms%n", ROWS, renameMs, addMs);
    assertThat(renameMs).isLessThan(60_000);
  }
}
