package dev.sluice.migrations.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.fixtures.EnumLabels;
import dev.sluice.migrations.fixtures.Evolution;
import dev.sluice.migrations.fixtures.ObjectsSchema;
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

  /**
   * Plans whose snapshots are SQL of one dialect (views, typed generated expressions), built per
   * dialect: v1 creates a schema, a table with generated columns and a view; v2 changes an
   * expression and a table the view reads (view dropped first, created last) and adds a view over it.
   */
  static Map<String, java.util.function.Function<dev.sluice.spi.Dialect, MigrationPlan>> dialectPlans() {
    Map<String, java.util.function.Function<dev.sluice.spi.Dialect, MigrationPlan>> plans = new LinkedHashMap<>();
    plans.put("objects-v1", d -> SchemaDiff.between(SchemaSnapshot.EMPTY, objectsV1(d), RenameResolver.refuse()));
    plans.put("objects-v2", d -> SchemaDiff.between(objectsV1(d), objects(d, ObjectsSchema.ITEMS_V2,
        ObjectsSchema.CHEAP_V2, ObjectsSchema.LABELS, ObjectsSchema.EVENTS_V2), RenameResolver.refuse()));
    return plans;
  }

  private static SchemaSnapshot objectsV1(dev.sluice.spi.Dialect d) {
    return objects(d, ObjectsSchema.ITEMS_V1, ObjectsSchema.CHEAP_V1, ObjectsSchema.EVENTS_V1);
  }

  /** The snapshot of {@code tables} for {@code d}; SQLite, which has no schemas, without the table in audit. */
  private static SchemaSnapshot objects(dev.sluice.spi.Dialect d, dev.sluice.schema.Table<?>... tables) {
    return CodeSnapshots.of(d, java.util.Arrays.stream(tables)
        .filter(t -> t.schema() == null || !d.name().equals("sqlite")).toList());
  }

  private static MigrationPlan plan(String name, String dialect) {
    MigrationPlan p = plans().get(name);
    return p != null ? p : dialectPlans().get(name).apply(Dialects.named(dialect));
  }

  static Stream<Arguments> cases() {
    return Stream.concat(plans().keySet().stream(), dialectPlans().keySet().stream())
        .flatMap(p -> Stream.of(DIALECTS).map(d -> Arguments.of(p, d)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void rendersExactlyTheGoldenSql(String plan, String dialect) throws IOException {
    MigrationSql sql = MigrationSql.forDialect(Dialects.named(dialect));
    String text;
    try {
      MigrationPlan p = plan(plan, dialect);
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
