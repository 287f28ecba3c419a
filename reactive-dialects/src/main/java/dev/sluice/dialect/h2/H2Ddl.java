package dev.sluice.dialect.h2;

import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.StandardDialect;

/** H2's DDL literals: Unicode literals where r2dbc-h2 would split a statement, JSON {@code FORMAT JSON}. */
class H2Ddl extends DdlRenderer {

  H2Ddl(StandardDialect dialect) {
    super(dialect);
  }

  /** H2 has no partial index: one is refused before anything is sent, as on MySQL. */
  @Override protected java.util.List<String> createTable(dev.sluice.schema.Table<?> table) {
    for (dev.sluice.schema.Index i : table.meta().indexes()) {
      if (i.where() != null) {
        throw new dev.sluice.error.UnsupportedByDialectException("Partial index " + i.name() + " (WHERE "
            + i.where() + ")", dialect().name());
      }
    }
    return super.createTable(table);
  }

  /**
   * r2dbc-h2 splits a statement at every {@code ;}, even inside a string, so a string holding one (or
   * a NUL) is a Unicode literal with the separator escaped: {@code U&'a\\003Bb'} for {@code a;b}.
   */
  /**
   * {@code GENERATED ALWAYS AS (expr)}: H2 computes a generated column when the row is written and
   * has no STORED or VIRTUAL keyword, so both kinds render the same.
   */
  @Override protected String generatedAlways(dev.sluice.schema.Column<?> c, String typeName) {
    return typeName + " GENERATED ALWAYS AS (" + generatedExpression(c) + ")";
  }

  @Override protected String stringLiteral(String value) {
    if (value.indexOf(';') < 0 && value.indexOf('\0') < 0) {
      return super.stringLiteral(value);
    }
    return "U&'" + value.replace("\\", "\\\\").replace("'", "''").replace(";", "\\003B")
        .replace("\0", "\\0000") + "'";
  }

  /** {@code '{"a": 1}' FORMAT JSON}: a plain string would be stored as a JSON string. */
  @Override protected String jsonLiteral(String stringLiteral) {
    return stringLiteral + " FORMAT JSON";
  }

  /** H2 keeps a NUL in text, and the Unicode literal writes it. */
  @Override protected boolean literalsHoldNul() {
    return true;
  }
}
