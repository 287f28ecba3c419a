package dev.sluice.dialect.sqlite;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.spi.DdlRenderer;

/** SQLite's DDL: {@code INTEGER PRIMARY KEY AUTOINCREMENT} keys, decimals as text, length checks. */
class SqliteDdl extends DdlRenderer {
  private final SqliteDialect dialect;

  SqliteDdl(SqliteDialect dialect) {
    super(dialect);
    this.dialect = dialect;
  }

  /**
   * A decimal default as a string, {@code '-12.50'}: SQLite reads a numeric literal as a double
   * before storing it, so only text can keep every digit.
   */
  @Override protected String decimalLiteral(java.math.BigDecimal value) {
    return stringLiteral(value.toPlainString());
  }

  /** {@link SqliteDialect#columnConstraints(String, String, DataType)}. */
  @Override protected String columnConstraints(Column<?> column) {
    return dialect.columnConstraints(column.table().name(), column.name(), column.dataType());
  }

  /** SQLite generates values only for an {@code INTEGER PRIMARY KEY} (a 64-bit rowid alias). */
  @Override protected String generatedColumnType(DataType<?> type) {
    return "INTEGER";
  }

  /** {@code PRIMARY KEY AUTOINCREMENT} for serial keys, so that deleted ids are never reused. */
  @Override protected String inlinePrimaryKey(DataType<?> type) {
    return type.kind().isGenerated() ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY";
  }

  /** SQLite has no {@code CREATE OR REPLACE VIEW}: the old view is dropped, then the view created. */
  @Override protected java.util.List<String> createView(dev.sluice.schema.View<?> view) {
    java.util.List<String> create = super.createView(view); // refuses a materialized view
    return java.util.List.of("DROP VIEW IF EXISTS " + quote(view.name()),
        create.get(0).replaceFirst("^CREATE OR REPLACE VIEW ", "CREATE VIEW "));
  }
}
