package dev.sluice.migrations.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.fixtures.seeders.SeedTables;
import dev.sluice.migrations.fixtures.seeders.SeedTables.Member;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake rows from Datafaker: reproducible with a seed, inserted in chunks. */
class FactoryTest {
  private static final Factory<Member> MEMBERS = Factory.of(SeedTables.MEMBERS,
      f -> new Member(null, f.name().fullName(), f.internet().emailAddress()));

  @Test
  void aSeedMakesTheSameRowsEveryCall() {
    List<Member> a = MEMBERS.seed(7).make(20);
    assertThat(a).hasSize(20).allSatisfy(m -> {
      assertThat(m.name()).isNotBlank();
      assertThat(m.email()).contains("@");
    });
    assertThat(MEMBERS.seed(7).make(20)).isEqualTo(a);
    assertThat(MEMBERS.seed(8).make(20)).isNotEqualTo(a);
    assertThat(MEMBERS.seed(7).locale(Locale.GERMAN).make(1)).hasSize(1);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> MEMBERS.make(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void createInsertsTheRowsInChunks(@TempDir Path tmp) {
    Database db = Database.builder().url("r2dbc:sqlite:///" + tmp.resolve("f.db").toAbsolutePath()).build();
    try {
      db.createTables(SeedTables.MEMBERS).block(Duration.ofSeconds(30));
      int count = Factory.CHUNK * 2 + 50;
      assertThat(MEMBERS.seed(1).create(db, count).block(Duration.ofSeconds(60))).isEqualTo(count);
      assertThat(db.selectFrom(SeedTables.MEMBERS).fetch().map(Member::email).collectList().block(Duration.ofSeconds(30)))
          .hasSize(count).isEqualTo(MEMBERS.seed(1).make(count).stream().map(Member::email).toList());
      assertThat(MEMBERS.create(db, 0).block(Duration.ofSeconds(10))).isZero();
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }
}
