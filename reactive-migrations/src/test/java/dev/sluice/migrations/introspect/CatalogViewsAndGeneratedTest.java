package dev.sluice.migrations.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.snapshot.GeneratedSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Views and generated columns of SQL Server, Oracle and CockroachDB, mapped from catalog rows as
 * those servers return them: a view is its name, kind and columns (no definition, no hash), a
 * generated column keeps the server's spelling of its expression and its kind.
 */
class CatalogViewsAndGeneratedTest {

  @Test
  void sqlServerComputedColumnsAndViews() {
    SchemaSnapshot s = new SqlServerIntrospector().map(new RecordedRows()
        .query("columns", "table_name", "column_name", "type_name", "max_length", "prec", "scale", "is_nullable",
            "is_identity", "default_definition", "computed_definition", "is_persisted")
        .row("items", "price", "int", (short) 4, (byte) 10, (byte) 0, false, false, null, null, null)
        .row("items", "total", "int", (short) 4, (byte) 10, (byte) 0, true, false, null, "([price]*(2))", true)
        .row("items", "half", "int", (short) 4, (byte) 10, (byte) 0, true, false, null, "([price]/(2))", false)
        .query("views", "name", "kind", "column_name")
        .row("cheap_items", "v", "id").row("cheap_items", "v", "total").row("sluice_migrations_v", "v", "x")
        .build(), Set.of("sluice_migrations_v"));
    assertThat(s.table("items").orElseThrow().column("total").orElseThrow().generated())
        .isEqualTo(new GeneratedSnapshot("([price]*(2))", true));
    assertThat(s.table("items").orElseThrow().column("half").orElseThrow().generated())
        .isEqualTo(new GeneratedSnapshot("([price]/(2))", false));
    assertThat(s.table("items").orElseThrow().column("price").orElseThrow().generated()).isNull();
    assertThat(s.views()).containsExactly(ViewSnapshot.live("cheap_items", null, List.of("id", "total"), false));
  }

  @Test
  void oracleVirtualColumnsAndViews() {
    SchemaSnapshot s = new OracleIntrospector().map(new RecordedRows()
        .query("columns", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "DATA_LENGTH", "CHAR_LENGTH", "DATA_PRECISION",
            "DATA_SCALE", "NULLABLE", "DATA_DEFAULT", "IDENTITY_COLUMN", "VIRTUAL_COLUMN")
        .row("items", "price", "NUMBER", BigDecimal.valueOf(22), null, BigDecimal.valueOf(10), BigDecimal.ZERO, "N", null,
            "NO", "NO")
        .row("items", "total", "NUMBER", BigDecimal.valueOf(22), null, BigDecimal.valueOf(10), BigDecimal.ZERO, "Y",
            "\"price\"*2 ", "NO", "YES")
        .query("views", "NAME", "KIND", "COLUMN_NAME")
        .row("cheap_items", "v", "id")
        .build(), Set.of());
    assertThat(s.table("items").orElseThrow().column("total").orElseThrow().generated())
        .isEqualTo(new GeneratedSnapshot("\"price\"*2", false));
    assertThat(s.table("items").orElseThrow().column("total").orElseThrow().defaultValue()).isNull();
    assertThat(s.table("items").orElseThrow().column("price").orElseThrow().generated()).isNull();
    assertThat(s.views()).containsExactly(ViewSnapshot.live("cheap_items", null, List.of("id"), false));
  }

  @Test
  void cockroachGeneratedColumnsAndMaterializedViews() {
    SchemaSnapshot s = new CockroachIntrospector().map(new RecordedRows()
        .query("columns", "table_name", "column_name", "data_type", "udt_name", "len", "prec", "scale", "is_nullable",
            "column_default", "is_identity", "is_generated", "generation_expression")
        .row("items", "price", "bigint", "int8", null, 64L, 0L, "NO", null, "NO", "NEVER", "")
        .row("items", "total", "bigint", "int8", null, 64L, 0L, "YES", null, "NO", "ALWAYS", "price * 2:::INT8")
        .query("views", "name", "kind", "column_name")
        .row("cheap_items", "v", "id").row("snap", "m", "id")
        .build(), Set.of());
    assertThat(s.table("items").orElseThrow().column("total").orElseThrow().generated())
        .isEqualTo(new GeneratedSnapshot("price * 2:::INT8", true));
    assertThat(s.table("items").orElseThrow().column("price").orElseThrow().generated()).isNull();
    assertThat(s.views()).containsExactly(ViewSnapshot.live("cheap_items", null, List.of("id"), false),
        ViewSnapshot.live("snap", null, List.of("id"), true));
  }
}
