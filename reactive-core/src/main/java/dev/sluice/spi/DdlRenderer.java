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
      s.append(" DEFAULT ").append(literal(c));
    }
    if (c.isUnique() && !primaryKey) {
      s.append(" UNIQUE");
    }
    if (type.kind() == dev.sluice.schema.SqlKind.ENUM && !d.capabilities().nativeEnums()) {
      s.append(" CHECK (").append(d.quote(c.name())).append(" IN (");
      List<String> labels = type.enumType().labels();
      for (int i = 0; i < labels.size(); i++) {
        s.append(i > 0 ? ", " : "").append(stringLiteral(labels.get(i)));
      }
      s.append("))");
    }
    if (c.checkSql() != null) {
      s.append(" CHECK (").append(c.checkSql()).append(')');
    }
    s.append(d.columnConstraints(c));
    return s.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String literal(Column<?> c) {
    Object v = ((DataType) c.dataType()).toDriver(c.defaultValue());
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return stringLiteral(v.toString());
  }

  static String stringLiteral(String s) {
    return "'" + s.replace("'", "''") + "'";
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
