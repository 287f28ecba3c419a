package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.spi.DdlRenderer;
import java.util.List;

/** PostgreSQL's DDL: {@code SERIAL} keys, enum types in a {@code DO} block, escape-safe literals. */
public class PostgresDdl extends DdlRenderer {

  protected PostgresDdl(PostgresDialect dialect) {
    super(dialect);
  }

  /** {@code GENERATED ALWAYS AS (expr) STORED}; a virtual generated column is refused (PostgreSQL 18 has them, 15-17 do not). */
  @Override protected String generatedAlways(dev.sluice.schema.Column<?> c, String typeName) {
    if (!c.generatedAs().stored()) {
      throw new dev.sluice.error.UnsupportedByDialectException("Virtual generated column " + c
          + " (PostgreSQL stores generated columns: use generatedAlways)", dialect().name());
    }
    return super.generatedAlways(c, typeName);
  }

  @Override protected String generatedColumnType(DataType<?> type) {
    return type.kind() == SqlKind.BIGSERIAL ? "BIGSERIAL" : "SERIAL";
  }

  /**
   * Creates the enum type once; a second run finds it and does nothing. The block is quoted with a
   * dollar tag that no label contains: {@code $$}, else {@code $sluice$}, {@code $sluice1$}, ...
   */
  @Override protected List<String> createEnumType(EnumType<?> type) {
    String body = " CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels(type)
        + ");\nEXCEPTION\n WHEN duplicate_object THEN null;\n";
    String tag = "$$";
    for (int n = 0; body.contains(tag); n++) {
      tag = n == 0 ? "$sluice$" : "$sluice" + n + "$";
    }
    return List.of("DO " + tag + " BEGIN\n" + body + "END " + tag);
  }

  /** The labels of {@code type} as literals, comma-separated. */
  protected final String labels(EnumType<?> type) {
    StringBuilder labels = new StringBuilder();
    for (String l : type.labels()) {
      labels.append(labels.length() > 0 ? ", " : "").append(enumLabel(type, l));
    }
    return labels.toString();
  }

  /** An enum label as a literal; a NUL, which PostgreSQL cannot store, is refused. */
  private String enumLabel(EnumType<?> type, String label) {
    if (label.indexOf('\0') >= 0) {
      throw new dev.sluice.error.DataException("Enum label of " + type.name() + " contains a NUL character "
          + "(U+0000), which " + dialect().name() + " cannot store in text", null, null, null, null);
    }
    return stringLiteral(label);
  }

  /**
   * A backslash is a plain character in a standard string, but an escape when
   * {@code standard_conforming_strings} is off: a string holding one is written as an escape string,
   * which means the same under both settings: {@code E'back\\slash'}.
   */
  @Override protected String stringLiteral(String value) {
    if (value.indexOf('\\') < 0) {
      return super.stringLiteral(value);
    }
    return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** {@code decode('00ff', 'hex')}: the same under every {@code standard_conforming_strings}. */
  @Override protected String bytesLiteral(byte[] value) {
    return "decode('" + hex(value) + "', 'hex')";
  }

  @Override protected List<String> dropTable(Table<?> table) {
    return List.of("DROP TABLE IF EXISTS " + qualifiedName(table) + " CASCADE");
  }

  /** A materialized view: {@code CREATE MATERIALIZED VIEW IF NOT EXISTS "v" ("a") AS SELECT ...}. */
  @Override protected List<String> createView(dev.sluice.schema.View<?> view) {
    if (!view.materialized()) {
      return super.createView(view);
    }
    return List.of("CREATE MATERIALIZED VIEW IF NOT EXISTS " + viewHead(view) + " AS " + viewQuery(view));
  }

  @Override protected List<String> dropView(dev.sluice.schema.View<?> view) {
    return view.materialized() ? List.of("DROP MATERIALIZED VIEW IF EXISTS " + quote(view.name()))
        : super.dropView(view);
  }
}
