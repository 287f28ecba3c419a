package dev.sluice.migrations.snapshot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.MigrationException;
import dev.sluice.testing.SchemaCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Migrations do not know database schemas and generated columns yet: a snapshot of such a table is
 * refused with a {@link MigrationException} naming it, rather than written without them (which
 * would generate DDL for another table).
 */
class SchemaAndGeneratedRefusalTest {

  @Test
  void aTableInASchemaIsRefusedNamingTheTableAndTheSchema() {
    assertThatThrownBy(() -> CodeSnapshots.of(SchemaCatalogue.ACCOUNTS))
        .isInstanceOf(MigrationException.class).hasMessageContaining("accounts").hasMessageContaining("audit");
  }

  @Test
  void aGeneratedColumnIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> CodeSnapshots.of(new Generated()))
        .isInstanceOf(MigrationException.class).hasMessageContaining("gen_totals.total")
        .hasMessageContaining("price * 2");
  }

  public record Total(Integer price, Integer total) {}

  /** A table with a generated column, in the default schema. */
  public static final class Generated extends dev.sluice.schema.Table<Total> {
    public final dev.sluice.schema.Column<Integer> price = integer("price");
    public final dev.sluice.schema.Column<Integer> total = integer("total").generatedAlways("price * 2");

    public Generated() { super("gen_totals"); }
  }
}
