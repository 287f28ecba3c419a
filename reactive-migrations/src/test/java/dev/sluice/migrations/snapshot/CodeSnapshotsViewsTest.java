package dev.sluice.migrations.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Schema;
import dev.sluice.testing.Views;
import org.junit.jupiter.api.Test;

/** Views are not in snapshots yet: a snapshot of tables and views holds the tables alone. */
class CodeSnapshotsViewsTest {

  @Test
  void viewsAreLeftOutOfTheSnapshot() {
    SchemaSnapshot s = CodeSnapshots.of(Schema.COUNTRIES, Views.REACHABLE, Schema.USERS, Views.SNAPSHOT);
    assertThat(s.tables()).extracting(TableSnapshot::name).containsExactly("countries", "users");
  }
}
