package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.PartialMigrationException;
import org.junit.jupiter.api.Test;

/**
 * A failing migration on the servers, where the migrator fails differently: on PostgreSQL the
 * migration's transaction is rolled back (it is the first pending one), on MariaDB its statements
 * run one by one and its history row is written as failed ({@code PartialMigrationException}).
 * Either way the class fails before any test, naming the migration.
 */
class MigrationFailuresIT {
  @SluiceTest(url = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres", migrations = "classpath:db/sluice-test-broken")
  static class BrokenOnPostgres {
    @Test void neverRuns(Database db) { }
  }

  @SluiceTest(url = "r2dbc:mariadb://root@127.0.0.1:3306/test", migrations = "classpath:db/sluice-test-broken")
  static class BrokenOnMariaDb {
    @Test void neverRuns(Database db) { }
  }

  @Test
  void onPostgresTheRolledBackMigrationIsNamed() {
    assertThat(MigrationFailuresTest.run(BrokenOnPostgres.class)).isInstanceOf(MigrationException.class)
        .message().startsWith("@SluiceTest migrations of " + BrokenOnPostgres.class.getName()
            + " failed at migration 20260102000000_broken (classpath:db/sluice-test-broken): ")
        .contains("no_such_table");
  }

  @Test
  void onMariaDbTheMigrationRecordedAsFailedIsNamed() {
    assertThat(MigrationFailuresTest.run(BrokenOnMariaDb.class)).isInstanceOf(MigrationException.class)
        .hasCauseInstanceOf(PartialMigrationException.class)
        .message().startsWith("@SluiceTest migrations of " + BrokenOnMariaDb.class.getName()
            + " failed at migration 20260102000000_broken (classpath:db/sluice-test-broken): ")
        .contains("no_such_table");
  }
}
