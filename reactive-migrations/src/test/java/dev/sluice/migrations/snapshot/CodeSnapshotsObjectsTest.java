package dev.sluice.migrations.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Schema;
import dev.sluice.testing.SchemaCatalogue;
import dev.sluice.testing.Views;
import org.junit.jupiter.api.Test;

/**
 * Views, database schemas and generated columns of the shared test schema in snapshots: recorded
 * as the dialect writes them, and refused by name where the dialect cannot have them.
 */
class CodeSnapshotsObjectsTest {

  @Test
  void viewsAreRecordedWithTheirKindTheTablesTheyReadAndTheirDefinition() {
    SchemaSnapshot s = CodeSnapshots.of(Dialects.named("postgresql"), Schema.COUNTRIES, Views.REACHABLE, Schema.USERS,
        Views.SNAPSHOT);
    assertThat(s.tables()).extracting(TableSnapshot::name).containsExactly("countries", "users");
    assertThat(s.views()).extracting(ViewSnapshot::name).containsExactly("reachable_snapshot", "reachable_users");
    ViewSnapshot m = s.view("reachable_snapshot").orElseThrow();
    assertThat(m.materialized()).isTrue();
    assertThat(m.reads()).containsExactly("users");
    assertThat(m.definition().get(0)).startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS \"reachable_snapshot\"");
  }

  @Test
  void aMaterializedViewIsRefusedWhereTheDialectHasNone() {
    assertThatThrownBy(() -> CodeSnapshots.of(Dialects.named("sqlite"), Schema.USERS, Views.SNAPSHOT))
        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("reachable_snapshot");
  }

  @Test
  void aTableInASchemaKeepsItsSchema() {
    assertThat(CodeSnapshots.of(SchemaCatalogue.ACCOUNTS).table("accounts").orElseThrow().schema()).isEqualTo("audit");
  }

  @Test
  void aGeneratedColumnInSqlNeedsNoDialect() {
    ColumnSnapshot total = CodeSnapshots.of(new Generated()).table("gen_totals").orElseThrow().column("total").orElseThrow();
    assertThat(total.generated()).isEqualTo(new GeneratedSnapshot("price * 2", true));
  }

  @Test
  void twoTablesOfOneNameInTwoSchemasAreRefused() {
    assertThatThrownBy(() -> CodeSnapshots.of(new Generated(), new GeneratedElsewhere()))
        .isInstanceOf(dev.sluice.migrations.MigrationException.class)
        .hasMessageContaining("gen_totals").hasMessageContaining("unique across schemas");
  }

  public record Total(Integer price, Integer total) {}

  /** A table with a generated column, in the default schema. */
  public static final class Generated extends dev.sluice.schema.Table<Total> {
    public final dev.sluice.schema.Column<Integer> price = integer("price");
    public final dev.sluice.schema.Column<Integer> total = integer("total").generatedAlways("price * 2");

    public Generated() { super("gen_totals"); }
  }

  /** The same name in schema {@code other}. */
  public static final class GeneratedElsewhere extends dev.sluice.schema.Table<Total> {
    public final dev.sluice.schema.Column<Integer> price = integer("price");
    public final dev.sluice.schema.Column<Integer> total = integer("total").generatedAlwaysVirtual("price * 3");

    public GeneratedElsewhere() { super(dev.sluice.schema.SqlSchema.named("other"), "gen_totals"); }
  }
}
