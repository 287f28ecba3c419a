package dev.sluice.migrations.it;

import static dev.sluice.migrations.fixtures.EnumLabels.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.migrations.MigrationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Enum labels on a SQLite file: the table rebuild, with {@code PRAGMA foreign_key_check}. */
class SqliteEnumLabelsIT extends EnumLabelsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }

  @Test
  void aRebuildThatWouldDropATriggerIsRefusedNamingItAndNothingChanges() {
    push(version("sad", "happy"), b -> b);
    rows("happy");
    db().sql("CREATE TRIGGER people_audit AFTER UPDATE ON people BEGIN SELECT 1; END").fetch().then()
        .block(Duration.ofSeconds(30));

    Throwable e = catchThrowable(() -> push(version("sad", "happy", "calm"), b -> b));

    assertThat(e).isInstanceOf(MigrationException.class).hasMessage("Table people has triggers (people_audit) that"
        + " SQLite's table rebuild would drop; drop them before this migration and create them again after it"
        + " (nothing was changed)");
    assertThat(labels("people")).containsExactly("sad", "happy");
    assertThat(people()).containsExactly("1/Ada/happy", "2/Bob/sad", "3/Cy/null");
    assertThat(db().sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetch()
        .map(r -> r.get("name", String.class)).collectList().block(Duration.ofSeconds(30))).containsExactly("people_audit");
  }

  @Test
  void aViewOverARebuiltTableKeepsWorking() {
    push(version("sad", "happy"), b -> b);
    rows("happy");
    db().sql("CREATE VIEW happy_people AS SELECT name FROM people WHERE mood = 'happy'").fetch().then()
        .block(Duration.ofSeconds(30));

    push(version("sad", "happy", "calm"), b -> b);

    assertThat(labels("people")).containsExactly("sad", "happy", "calm");
    assertThat(db().sql("SELECT name FROM happy_people").fetch().map(r -> r.get("name", String.class))
        .collectList().block(Duration.ofSeconds(30))).containsExactly("Ada");
  }
}
