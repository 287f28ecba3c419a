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

/** Renders CREATE/DROP statements for a table through a dialect's hooks. */
final class DdlRenderer {
  private final StandardDialect d;

  DdlRenderer(StandardDialect dialect) {
    this.d = dialect;
  }

  List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    Map<String, EnumType<?>> enums = new LinkedHashMap<>();
    for (Column<?> c : table.columns()) {
      EnumType<?> e = c.dataType().enumType();
      if (e != null) {
        enums.putIfAbsent(e.name(), e);
      }
    }
    for (EnumType<?> e : enums.values()) {
      out.addAll(d.createEnumType(e));
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
        .append(d.quote(table.name())).append(" (");
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
            .append(d.quote(target.table().name())).append(" (").append(d.quote(target.name()))
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
          .append(d.quote(table.name())).append(" (").append(names(i.columns())).append(')');
      if (i.where() != null) {
        idx.append(" WHERE ").append(i.where());
      }
      out.add(idx.toString());
    }
    return out;
  }

  List<String> dropTable(Table<?> table) {
    return List.of("DROP TABLE IF EXISTS " + d.quote(table.name()));
  }

  private String columnDefinition(Column<?> c, boolean primaryKey) {
    DataType<?> type = c.dataType();
    StringBuilder s = new StringBuilder(d.quote(c.name())).append(' ');
    s.append(type.kind().isGenerated() ? d.generatedColumnType(type) : d.typeName(type));
    if (primaryKey) {
      s.append(' ').append(d.inlinePrimaryKey(type));
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
    s.append(d.columnConstraints(c));
    return s.toString();
  }

  /** The literal of {@code value} in {@code c}'s type, as the dialect writes it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private String literal(Column<?> c, Object value) {
    Object v = ((DataType) c.dataType()).toDriver(value);
    if (v instanceof java.math.BigDecimal b) {
      return d.decimalLiteral(b);
    }
    if (v instanceof Boolean b) {
      return d.booleanLiteral(b);
    }
    if (v instanceof Number) {
      return v.toString();
    }
    if (v instanceof byte[] b) {
      return d.bytesLiteral(b);
    }
    String literal = text(d, c.table().name() + "." + c.name(), "Default value", v.toString());
    dev.sluice.schema.SqlKind kind = c.dataType().kind();
    boolean json = c.dataType().codec() == null
        && (kind == dev.sluice.schema.SqlKind.JSON || kind == dev.sluice.schema.SqlKind.JSONB);
    return json ? d.jsonLiteral(literal) : literal;
  }

  /** An enum label of column {@code c}, as the dialect writes a string. */
  private String label(Column<?> c, String label) {
    return text(d, c.table().name() + "." + c.name(), "Enum label", label);
  }

  /**
   * {@code value} as the dialect's string literal; a NUL character, which most databases cannot keep
   * in text, is refused with a {@link dev.sluice.error.DataException} naming {@code where}.
   */
  static String text(StandardDialect d, String where, String what, String value) {
    if (value.indexOf('\0') >= 0 && !d.literalsHoldNul()) {
      int dot = where.lastIndexOf('.');
      throw new dev.sluice.error.DataException(what + " of " + where + " contains a NUL character (U+0000), "
          + "which " + d.name() + " cannot store in text", null, null,
          dot < 0 ? where : where.substring(0, dot), dot < 0 ? null : where.substring(dot + 1));
    }
    return d.stringLiteral(value);
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
