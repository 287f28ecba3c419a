package dev.sluice.migrations.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The order seeders run in, and the errors of a bad set. */
class SeedsTest {
  @TempDir Path tmp;

  private record Named(String name, int order) implements Seeder {
    @Override public Mono<Void> seed(Database db) { return Mono.empty(); }
  }

  private Database db() {
    return Database.builder().url("r2dbc:sqlite:///" + tmp.resolve("s.db").toAbsolutePath()).build();
  }

  @Test
  void seedersRunByOrderThenName() {
    Database db = db();
    try {
      Seeds s = Seeds.builder(db).seeders(new Named("b", 2), new Named("z", 1), new Named("a", 2), new Named("m", 1))
          .seedersIn("dev.sluice.migrations.fixtures.seeders").build();
      assertThat(s.ordered()).extracting(Seeder::name).containsExactly("Clubs", "m", "z", "Members", "a", "b");
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }

  @Test
  void twoSeedersWithOneNameOrAnEmptyPackageAreErrors() {
    Database db = db();
    try {
      assertThatThrownBy(() -> Seeds.builder(db).seeders(new Named("a", 1), new Named("a", 2)).build().run()
          .block(Duration.ofSeconds(10))).isInstanceOf(MigrationException.class).hasMessageContaining("Two seeders are named a");
      assertThatThrownBy(() -> Seeds.builder(db).seedersIn("dev.sluice.migrations.fixtures.javamig").build().run()
          .block(Duration.ofSeconds(10))).isInstanceOf(MigrationException.class)
          .hasMessageContaining("No Seeder class found in package dev.sluice.migrations.fixtures.javamig");
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }
}
