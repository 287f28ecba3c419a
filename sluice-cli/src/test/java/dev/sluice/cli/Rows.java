package dev.sluice.cli;

import dev.sluice.Database;
import java.time.Duration;
import java.util.List;

/** Reads what the CLI left in a database, through Sluice in the test's JVM. */
final class Rows {
  private Rows() { }

  /** The first column of every row of {@code sql}, as text. */
  static List<String> strings(String url, String sql) {
    Database db = Database.builder().url(url).poolSize(1).build();
    try {
      return db.sql(sql).fetch().map(r -> String.valueOf(r.get(0, Object.class))).collectList().block(Duration.ofSeconds(30));
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
  }
}
