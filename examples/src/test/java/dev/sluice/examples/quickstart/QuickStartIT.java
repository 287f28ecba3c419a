package dev.sluice.examples.quickstart;

import static dev.sluice.examples.quickstart.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the quick-start tour runs on an embedded SQLite file, no server. */
class QuickStartIT {
  @Test
  void theTourRunsOnEmbeddedSqlite(@TempDir Path dir) {
    String url = "r2dbc:sqlite:////" + dir.toAbsolutePath().toString().substring(1) + "/quickstart.db";
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[] {url});
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    original.print(printed);
    assertThat(printed).contains("Sluice quick start on sqlite")
        .contains("City[id=1, name=Lima, countryId=1, popularity=POPULAR]")
        .contains("Dan in hikers").contains("Andrew in hikers")
        .contains("Chile: 2 cities").contains("Peru: 3 cities")
        .contains("streamed 100000 readings back");
    Database db = Database.connect(url);
    assertThat(db.selectFrom(READINGS).fetch().count().block(Duration.ofSeconds(30))).isEqualTo(100_000L);
    assertThat(db.selectFrom(USERS).fetch().count().block(Duration.ofSeconds(30))).isEqualTo(2L);
    db.close().block(Duration.ofSeconds(10));
  }
}
