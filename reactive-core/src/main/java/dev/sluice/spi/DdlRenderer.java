package dev.sluice.spi;

import dev.sluice.schema.Check;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Index;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a table's DDL: {@code CREATE TABLE IF NOT EXISTS} with its columns, keys, foreign keys and
 * checks, its indexes, the enum types it needs, and {@code DROP TABLE IF EXISTS}. Column types come
 * from {@link StandardDialect#typeName} and identifiers from {@link StandardDialect#quote}; a dialect
 * overrides the hooks that differ (serial keys, literals of defaults, enum types, the statements
 * themselves) and hands its subclass out from {@link StandardDialect#newDdlRenderer()}.
 */
public class DdlRenderer {
  private final StandardDialect d;

  public DdlRenderer(StandardDialect dialect) {
    this.d = java.util.Objects.requireNonNull(dialect, "dialect");
  }

  /** The dialect whose DDL this renders. */
  protected final StandardDialect dialect() {
    return d;
  }

  /** Quotes an identifier, as the dialect does. */
  protected final String quote(String identifier) {
    return d.quote(identifier);
  }

  /** The table's name, qualified by its schema if it has one ({@link Dialect#qualifiedName}). */
  protected final String qualifiedName(Table<?> table) {
    return d.qualifiedName(table);
  }

  /**
   * The statements that create {@code table} (its schema if it names one, and any enum types it
   * needs), in order.
   */
  protected List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    if (table.schema() != null) {
      qualifiedName(table); // a dialect without schemas refuses the table before anything else
      out.addAll(createSchema(table.schema()));
    }
    Map<String, EnumType<?>> enums = new LinkedHashMap<>();
    for (Column<?> c : table.columns()) {
      EnumType<?> e = c.dataType().enumType();
      if (e != null) {
        enums.putIfAbsent(e.name(), e);
      }
    }
    for (EnumType<?> e : enums.values()) {
      out.addAll(createEnumType(e));
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
        .append(qualifiedName(table)).append(" (");
    List<Column<?>> pk = table.meta().primaryKey();
    boolean inlinePk = pk.size() == 1;
    String sep = "\n  ";
    for (Column<?> c : table.columns()) {
      sql.append(sep).append(columnDefinition(c, inlinePk && pk.get(0).equals(c)));
      sep = ",\n  ";
    }
    if (pk.size() > 1) {
      sql.append(sep).append("PRIMARY KEY (").append(names(pk)).append(')');
    }
    for (Column<?> c : table.columns()) {
      Column<?> target = c.referencedColumn();
      if (target != null) {
        sql.append(sep).append("CONSTRAINT ").append(d.quote(table.name() + "_" + c.name() + "_fkey"))
            .append(" FOREIGN KEY (").append(d.quote(c.name())).append(") REFERENCES ")
            .append(qualifiedName(target.table())).append(" (").append(d.quote(target.name()))
            .append(')');
        action(sql, "DELETE", c.onDelete());
        action(sql, "UPDATE", c.onUpdate());
      }
    }
    for (Check ch : table.meta().checks()) {
      sql.append(sep).append("CONSTRAINT ").append(d.quote(ch.name())).append(" CHECK (")
          .append(ch.sql()).append(')');
    }
    out.add(sql.append("\n)").toString());
    for (Index i : table.meta().indexes()) {
      StringBuilder idx = new StringBuilder(i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
          .append("IF NOT EXISTS ").append(d.quote(i.name())).append(" ON ")
          .append(qualifiedName(table)).append(" (").append(names(i.columns())).append(')');
      if (i.where() != null) {
        idx.append(" WHERE ").append(i.where());
      }
      out.add(idx.toString());
    }
    return out;
  }

  /** The statements that drop {@code table} if it exists. */
  protected List<String> dropTable(Table<?> table) {
    return List.of("DROP TABLE IF EXISTS " + qualifiedName(table));
  }

  private String columnDefinition(Column<?> c, boolean primaryKey) {
    DataType<?> type = c.dataType();
    StringBuilder s = new StringBuilder(d.quote(c.name())).append(' ');
    if (c.isGeneratedAlways()) {
      s.append(generatedAlways(c, d.typeName(type)));
    } else {
      s.append(type.kind().isGenerated() ? generatedColumnType(type) : d.typeName(type));
    }
    if (primaryKey) {
      s.append(' ').append(inlinePrimaryKey(type));
    } else if (c.isNotNull()) {
      s.append(" NOT NULL");
    }
    if (c.defaultSql() != null) {
      s.append(" DEFAULT ").append(c.defaultSql());
    } else if (c.defaultValue() != null) {
      s.append(" DEFAULT ").append(literal(c, c.defaultValue()));
    }
    if (c.isUnique() && !primaryKey) {
      s.append(" UNIQUE");
    }
    if (type.kind() == dev.sluice.schema.SqlKind.ENUM && !d.capabilities().nativeEnums()) {
      s.append(" CHECK (").append(d.quote(c.name())).append(" IN (");
      List<String> labels = type.enumType().labels();
      for (int i = 0; i < labels.size(); i++) {
        s.append(i > 0 ? ", " : "").append(label(c, labels.get(i)));
      }
      s.append("))");
    }
    if (c.checkSql() != null) {
      s.append(" CHECK (").append(c.checkSql()).append(')');
    }
    s.append(columnConstraints(c));
    return s.toString();
  }

  /** The literal of {@code value} in {@code c}'s type, as the dialect writes it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private String literal(Column<?> c, Object value) {
    Object v = ((DataType) c.dataType()).toDriver(value);
    if (v instanceof java.math.BigDecimal b) {
      return decimalLiteral(b);
    }
    if (v instanceof Boolean b) {
      return booleanLiteral(b);
    }
    if (v instanceof Number) {
      return v.toString();
    }
    if (v instanceof byte[] b) {
      return bytesLiteral(b);
    }
    String literal = text(c.table().name() + "." + c.name(), "Default value", v.toString());
    dev.sluice.schema.SqlKind kind = c.dataType().kind();
    boolean json = c.dataType().codec() == null
        && (kind == dev.sluice.schema.SqlKind.JSON || kind == dev.sluice.schema.SqlKind.JSONB);
    return json ? jsonLiteral(literal) : literal;
  }

  /** An enum label of column {@code c}, as the dialect writes a string. */
  private String label(Column<?> c, String label) {
    return text(c.table().name() + "." + c.name(), "Enum label", label);
  }

  /**
   * {@code value} as the dialect's string literal; a NUL character, which most databases cannot keep
   * in text, is refused with a {@link dev.sluice.error.DataException} naming {@code where}.
   */
  private String text(String where, String what, String value) {
    if (value.indexOf('\0') >= 0 && !literalsHoldNul()) {
      int dot = where.lastIndexOf('.');
      throw new dev.sluice.error.DataException(what + " of " + where + " contains a NUL character (U+0000), "
          + "which " + d.name() + " cannot store in text", null, null,
          dot < 0 ? where : where.substring(0, dot), dot < 0 ? null : where.substring(dot + 1));
    }
    return stringLiteral(value);
  }

  private static void action(StringBuilder sql, String event, ReferentialAction a) {
    if (a != null && a != ReferentialAction.NO_ACTION) {
      sql.append(" ON ").append(event).append(' ').append(a.sql());
    }
  }

  private String names(List<Column<?>> cols) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      s.append(i > 0 ? ", " : "").append(d.quote(cols.get(i).name()));
    }
    return s.toString();
  }

  // ---- views --------------------------------------------------------------------------------

  /**
   * The statements that create {@code view}, replacing an older definition:
   * {@code CREATE OR REPLACE VIEW "v" ("a", "b") AS SELECT ...}. A materialized view is refused
   * unless the dialect overrides this.
   */
  protected List<String> createView(dev.sluice.schema.View<?> view) {
    if (view.materialized()) {
      throw new dev.sluice.error.UnsupportedByDialectException("Materialized view " + view.name(), d.name());
    }
    return List.of("CREATE OR REPLACE VIEW " + viewHead(view) + " AS " + viewQuery(view));
  }

  /** The statements that drop {@code view} if it exists. */
  protected List<String> dropView(dev.sluice.schema.View<?> view) {
    return List.of("DROP VIEW IF EXISTS " + d.quote(view.name()));
  }

  /** {@code "name" ("col", ...)}: the view's name and its column names. */
  protected final String viewHead(dev.sluice.schema.View<?> view) {
    return d.quote(view.name()) + " (" + names(view.columns()) + ")";
  }

  /** The view's defining query, its values written as this dialect's literals. */
  protected final String viewQuery(dev.sluice.schema.View<?> view) {
    return d.renderInline(view.query(), b -> viewLiteral(view, b.value()));
  }

  /**
   * A value of a view's query as a literal: numbers, booleans, bytes and text as in column defaults;
   * dates, times and UUIDs as their ISO text (the database reads it in the compared column's type).
   * Anything else is refused with an {@link dev.sluice.error.IllegalUseException} naming the view.
   */
  private String viewLiteral(dev.sluice.schema.View<?> view, Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof java.math.BigDecimal b) {
      return decimalLiteral(b);
    }
    if (v instanceof Boolean b) {
      return booleanLiteral(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return v.toString();
    }
    if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
      return decimalLiteral(new java.math.BigDecimal(v.toString()));
    }
    if (v instanceof byte[] b) {
      return bytesLiteral(b);
    }
    if (v instanceof String || v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID) {
      return text(view.name(), "A value of the query", v.toString());
    }
    throw new dev.sluice.error.IllegalUseException("View " + view.name() + ": its query holds a value of type "
        + v.getClass().getName() + ", which cannot be written into a view's SQL; use a number, a boolean, "
        + "text, bytes, a date, time or UUID, or raw sql(...)");
  }

  // ---- hooks --------------------------------------------------------------------------------

  /**
   * The type and generation clause of a generated column ({@link Column#generatedAlways}), after its
   * name: {@code TEXT GENERATED ALWAYS AS (expr) STORED} (or {@code VIRTUAL}) in standard SQL. A
   * dialect without the requested kind throws {@link dev.sluice.error.UnsupportedByDialectException}.
   */
  protected String generatedAlways(Column<?> c, String typeName) {
    return typeName + " GENERATED ALWAYS AS (" + generatedExpression(c) + ") "
        + (c.generatedAs().stored() ? "STORED" : "VIRTUAL");
  }

  /** The expression of generated column {@code c} in this dialect's SQL (a typed one rendered here). */
  protected final String generatedExpression(Column<?> c) {
    dev.sluice.schema.GeneratedAs g = c.generatedAs();
    return g.sql() != null ? g.sql() : d.renderSchemaExpression(g.expr(), "generated column " + c);
  }

  /** The DDL for a column's auto-increment, e.g. {@code SERIAL}. */
  protected String generatedColumnType(DataType<?> type) {
    return d.typeName(type) + " GENERATED BY DEFAULT AS IDENTITY";
  }

  /**
   * What a dialect appends to a column's definition to make the database keep its type's promise,
   * with a leading space (SQLite: a collation, a length check); nothing by default.
   */
  protected String columnConstraints(Column<?> column) {
    return "";
  }

  /** The inline clause of a one-column primary key, e.g. {@code PRIMARY KEY}. */
  protected String inlinePrimaryKey(DataType<?> type) {
    return "PRIMARY KEY";
  }

  /**
   * A string as a literal in DDL (a column default, an enum label): {@code 'it''s'}. A dialect whose
   * string literals give other characters a meaning (a backslash, a statement separator) overrides
   * it, so that the database stores exactly {@code value}. Never called with a NUL character unless
   * {@link #literalsHoldNul()}.
   */
  protected String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * Whether {@link #stringLiteral} can write U+0000 and the database stores it in text; if not, DDL
   * with such a value is refused with a {@link dev.sluice.error.DataException}.
   */
  protected boolean literalsHoldNul() {
    return false;
  }

  /** A boolean as a literal in DDL: {@code TRUE}, {@code FALSE}. */
  protected String booleanLiteral(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  /** A JSON document in DDL, given as its string literal; the literal itself by default. */
  protected String jsonLiteral(String stringLiteral) {
    return stringLiteral;
  }

  /** A decimal as a literal in DDL, in plain notation: {@code -12.50}. */
  protected String decimalLiteral(java.math.BigDecimal value) {
    return value.toPlainString();
  }

  /** Bytes as a literal in DDL: {@code X'00ff'}. */
  protected String bytesLiteral(byte[] value) {
    return "X'" + hex(value) + "'";
  }

  /** Lower-case hexadecimal digits of {@code value}, two per byte. */
  protected static String hex(byte[] value) {
    return java.util.HexFormat.of().formatHex(value);
  }

  /**
   * The statements that create a database schema unless it exists, before a table declared in it:
   * {@code CREATE SCHEMA IF NOT EXISTS "audit"} in standard SQL.
   */
  protected List<String> createSchema(String schema) {
    return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  /** Statements that create a named enum type before the tables using it (none by default). */
  protected List<String> createEnumType(EnumType<?> type) {
    return List.of();
  }

  /** The standard SQL name of a column type, e.g. {@code VARCHAR(256)}. */
  static String standardTypeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER, SERIAL -> "INTEGER";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR(" + t.length() + ")";
      case CHAR -> "CHAR(" + t.length() + ")";
      case TEXT, JSON, JSONB -> "CLOB";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case UUID -> "UUID";
      case BYTES -> "BLOB";
      case ENUM -> "VARCHAR(255)";
      case CUSTOM -> t.sqlName();
    };
  }
}
