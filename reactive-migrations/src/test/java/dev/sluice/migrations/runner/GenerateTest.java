package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} writes the three files from the last snapshot, and nothing when the code did not change. */
class GenerateTest {
  @TempDir Path dir;

  @Test
  void writesUpDownAndSnapshotThenNothingWhenTheCodeIsUnchanged() throws Exception {
    Database db = Database.builder().url("r2dbc:h2:mem:///gen-" + System.nanoTime() + "?options=DB_CLOSE_DELAY=-1").build();
    try {
      Migrator m = Migrator.builder(db).directory(dir).clock(Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC)).build();
      SchemaSnapshot code = CodeSnapshots.of(SeedSchema.USERS, SeedSchema.AUTH_OTP);
      Reports.GenerateReport r = m.generate("seed", code, RenameResolver.refuse(), false).block(Duration.ofSeconds(30));
      Path d = dir.resolve("20261203091500_seed");
      assertThat(r.migration().dir()).isEqualTo(d);
      assertThat(Files.readString(d.resolve("up.sql"))).startsWith("-- create table users\nCREATE TABLE IF NOT EXISTS \"users\"");
      assertThat(Files.readString(d.resolve("down.sql"))).contains("DROP TABLE IF EXISTS \"auth_otp\"");
      assertThat(SnapshotJson.read(Files.readString(d.resolve("snapshot.json")))).isEqualTo(code);
      assertThat(r.migration().checksum()).hasSize(64);

      Reports.GenerateReport again = m.generate("again", code, RenameResolver.refuse(), false).block(Duration.ofSeconds(30));
      assertThat(again.migration()).isNull();
      assertThat(again.plan().isEmpty()).isTrue();
      try (var list = Files.list(dir)) {
        assertThat(list.filter(Files::isDirectory).count()).isEqualTo(1);
      }

      // written in the same second (the fixed clock), a later migration still sorts after: "a" < "seed"
      MigrationFiles later = m.create("a").block(Duration.ofSeconds(30));
      assertThat(later.name()).isEqualTo("20261203091501_a");
      assertThat(later.snapshot()).isEqualTo(code);
      assertThat(later.meta().parent()).isEqualTo("20261203091500_seed");

      // a migration edited by hand stops the next one from being written over it, until rehashed
      Files.writeString(later.dir().resolve("up.sql"), "CREATE TABLE hand (id INT);\n");
      assertThatThrownBy(() -> m.create("b").block(Duration.ofSeconds(30))).isInstanceOf(IntegrityException.class)
          .hasMessageContaining("20261203091501_a was edited after sluice.sum was written");
      assertThatThrownBy(() -> m.generate("b", code, RenameResolver.refuse(), false).block(Duration.ofSeconds(30)))
          .isInstanceOf(IntegrityException.class);
      assertThat(m.rehash().block(Duration.ofSeconds(30))).containsExactly("20261203091501_a was edited after sluice.sum was written");
      assertThat(m.create("b").block(Duration.ofSeconds(30)).meta().parent()).isEqualTo("20261203091501_a");
      assertThat(new SumFile(dir).differences()).isEmpty();
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }
}
