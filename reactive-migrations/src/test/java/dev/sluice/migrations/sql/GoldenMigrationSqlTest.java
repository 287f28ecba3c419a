package dev.sluice.migrations.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.fixtures.EnumLabels;
import dev.sluice.migrations.fixtures.Evolution;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact migration SQL, up and down, per dialect and per plan, against the files in
 * {@code src/test/resources/golden/migrations/<plan>-<dialect>.sql}. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change, then read the diff.
 */
class GoldenMigrationSqlTest {
  static final String[] DIALECTS = {"postgresql", "cockroachdb", "mysql", "mariadb", "h2", "sqlite", "sqlserver", "oracle"};

  static Map<String, MigrationPlan> plans() {
    Map<String, MigrationPlan> plans = new LinkedHashMap<>();
    plans.put("seed-users-auth-otp", SchemaDiff.between(SchemaSnapshot.EMPTY,
        CodeSnapshots.of(SeedSchema.USERS, SeedSchema.AUTH_OTP), RenameResolver.refuse()));
    plans.put("test-schema", SchemaDiff.between(SchemaSnapshot.EMPTY, CodeSnapshots.of(Schema.COUNTRIES,
        Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS, Schema.MEMBERSHIPS, Schema.KITCHENS), RenameResolver.refuse()));
    plans.put("evolution", Evolution.plan());
    plans.put("enum-add-value", EnumLabels.addValue());
    plans.put("enum-rename-value", EnumLabels.renameValue());
    plans.put("enum-remove-value", EnumLabels.removeValue());
    return plans;
  }

  static Stream<Arguments> cases() {
    return plans().keySet().stream().flatMap(p -> Stream.of(DIALECTS).map(d -> Arguments.of(p, d)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void rendersExactlyTheGoldenSql(String plan, String dialect) throws IOException {
    MigrationSql sql = MigrationSql.forDialect(Dialects.named(dialect));
    MigrationPlan p = plans().get(plan);
    String text;
    try {
      text = "-- ==== up ====\n" + sql.up(p).text() + "\n-- ==== down ====\n" + sql.down(p).text();
    } catch (dev.sluice.error.UnsupportedByDialectException e) {
      text = "-- unsupported: " + e.getMessage() + "\n";
    }
    Path file = Path.of("src/test/resources/golden/migrations/" + plan + "-" + dialect + ".sql");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
