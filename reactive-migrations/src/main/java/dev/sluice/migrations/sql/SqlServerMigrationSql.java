package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change.AlterColumnType;
import dev.sluice.migrations.diff.Change.AlterDefault;
import dev.sluice.migrations.diff.Change.AlterNullability;
import dev.sluice.migrations.diff.Change.AlterPrimaryKey;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL Server (2016+): {@code IF OBJECT_ID(...) IS NULL CREATE TABLE}, {@code IDENTITY(1,1)},
 * named primary keys ({@code <table>_pkey}) and defaults ({@code DF_<table>_<column>}) so that
 * later migrations can drop them, {@code sp_rename} for renames, {@code ALTER COLUMN} with the
 * whole type and nullability, filtered indexes guarded by a {@code sys.indexes} lookup. Golden-tested
 * only on this machine (no server).
 */
final class SqlServerMigrationSql extends StandardMigrationSql {
  SqlServerMigrationSql(Dialect dialect) {
    super(dialect);
  }

  private static final java.util.regex.Pattern LENGTH = java.util.regex.Pattern.compile("(?i)\\blength\\s*\\(");

  /**
   * {@code length(} is {@code LEN(} in T-SQL (outside string literals and bracketed names), as the
   * SQL Server dialect's {@code createTable} writes it, so that a portable check such as {@code
   * length(name) > 0} is accepted.
   */
  @Override protected String checkSql(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    int from = 0;
    for (int i = 0; i <= sql.length(); i++) {
      char c = i < sql.length() ? sql.charAt(i) : 0;
      boolean boundary = i == sql.length() || (quote == 0 && (c == '\'' || c == '['))
          || (quote != 0 && c == quote);
      if (!boundary) {
        continue;
      }
      String part = sql.substring(from, i == sql.length() ? i : i + 1);
      out.append(quote == 0 ? LENGTH.matcher(part).replaceAll("LEN(") : part);
      quote = quote == 0 && i < sql.length() ? (c == '[' ? ']' : '\'') : 0;
      from = i + 1;
    }
    return out.toString();
  }

  private static String n(String s) {
    return "N'" + s.replace("'", "''") + "'";
  }

  @Override protected String identityType(ColumnType t, SchemaSnapshot schema) {
    return typeName(t, schema) + " IDENTITY(1,1)";
  }

  @Override protected String defaultSql(ColumnDefault d, ColumnType type) {
    if (d.kind() == ColumnDefault.Kind.BOOLEAN) {
      return Boolean.parseBoolean(d.value()) ? "1" : "0";
    }
    return d.kind() == ColumnDefault.Kind.STRING ? "N" + stringLiteral(d.value()) : super.defaultSql(d, type);
  }

  @Override protected String defaultClause(TableSnapshot table, ColumnSnapshot c) {
    return " CONSTRAINT " + q("DF_" + table.name() + "_" + c.name()) + " DEFAULT " + defaultSql(c.defaultValue(), c.type());
  }

  @Override protected String columnDefinition(TableSnapshot table, ColumnSnapshot c, SchemaSnapshot schema,
      boolean allowInlineKey) {
    return super.columnDefinition(table, c, schema, false);
  }

  @Override protected String compositePrimaryKey(TableSnapshot t) {
    return "CONSTRAINT " + q(t.name() + "_pkey") + " PRIMARY KEY (" + names(t.primaryKey()) + ")";
  }

  @Override protected List<String> tableBody(TableSnapshot t, SchemaSnapshot schema, boolean inlineForeignKeys) {
    List<String> body = super.tableBody(t, schema, inlineForeignKeys);
    if (t.primaryKey().size() == 1) {
      body.add(t.columns().size(), compositePrimaryKey(t));
    }
    return body;
  }

  @Override protected String createTableStatement(String name, List<String> body) {
    String schema = schemaOf(name);
    return "IF OBJECT_ID(" + n(schema == null ? name : schema + "." + name) + ", N'U') IS NULL CREATE TABLE " + qt(name) + " (\n  "
        + String.join(",\n  ", body) + "\n)";
  }

  @Override protected List<String> renameTable(String from, String to) {
    return List.of("EXEC sp_rename " + n(from) + ", " + n(to));
  }

  @Override protected List<String> addColumn(TableSnapshot t, ColumnSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>(super.addColumn(t, c, before, after));
    out.set(0, out.get(0).replace(" ADD COLUMN ", " ADD "));
    return out;
  }

  @Override protected List<String> renameColumn(String table, String from, String to) {
    return List.of("EXEC sp_rename " + n(table + "." + from) + ", " + n(to) + ", N'COLUMN'");
  }

  private String alterColumn(String table, String column, SchemaSnapshot after) {
    ColumnSnapshot c = after.table(table).orElseThrow().column(column).orElseThrow();
    return alterTable(table) + "ALTER COLUMN " + q(column) + " " + typeName(c.type(), after)
        + (c.nullable() ? " NULL" : " NOT NULL");
  }

  @Override protected List<String> alterType(AlterColumnType c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterColumn(c.table(), c.column(), after));
  }

  @Override protected List<String> alterNullability(AlterNullability c, SchemaSnapshot before, SchemaSnapshot after) {
    return List.of(alterColumn(c.table(), c.column(), after));
  }

  @Override protected List<String> alterDefault(AlterDefault c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    String name = q("DF_" + c.table() + "_" + c.column());
    if (c.from() != null) {
      out.add(alterTable(c.table()) + "DROP CONSTRAINT " + name);
    }
    if (c.to() != null) {
      ColumnSnapshot col = after.table(c.table()).orElseThrow().column(c.column()).orElseThrow();
      out.add(alterTable(c.table()) + "ADD CONSTRAINT " + name + " DEFAULT " + defaultSql(c.to(), col.type())
          + " FOR " + q(c.column()));
    }
    return out;
  }

  @Override protected List<String> alterPrimaryKey(AlterPrimaryKey c, SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    if (!c.from().isEmpty()) {
      out.add(alterTable(c.table()) + "DROP CONSTRAINT " + q(c.table() + "_pkey"));
    }
    if (!c.to().isEmpty()) {
      out.add(alterTable(c.table()) + "ADD CONSTRAINT " + q(c.table() + "_pkey") + " PRIMARY KEY (" + names(c.to()) + ")");
    }
    return out;
  }

  @Override protected String createIndex(String table, IndexSnapshot i) {
    return "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = " + n(i.name()) + " AND object_id = OBJECT_ID("
        + n(table) + ")) " + (i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + q(i.name()) + " ON "
        + qt(table) + " (" + names(i.columns()) + ")" + (i.where() == null ? "" : " WHERE " + i.where());
  }

  @Override protected List<String> dropIndex(String table, IndexSnapshot i) {
    return List.of("DROP INDEX IF EXISTS " + q(i.name()) + " ON " + qt(table));
  }

  /** {@code AS (expr) PERSISTED} (or without {@code PERSISTED}): T-SQL's computed column takes its type from the expression. */
  @Override protected String generatedColumn(dev.sluice.migrations.snapshot.ColumnSnapshot c, String typeName) {
    return "AS (" + c.generated().expression() + ")" + (c.generated().stored() ? " PERSISTED" : "");
  }

  /** {@code IF SCHEMA_ID(N'audit') IS NULL EXEC(N'CREATE SCHEMA [audit]')}: T-SQL has no IF NOT EXISTS here. */
  @Override protected List<String> createSchema(String schema) {
    return List.of("IF SCHEMA_ID(" + n(schema) + ") IS NULL EXEC(" + n("CREATE SCHEMA " + q(schema)) + ")");
  }

  /** {@code DROP SCHEMA IF EXISTS [audit]}: refused while it holds anything. */
  @Override protected List<String> dropSchema(String schema) {
    return List.of("DROP SCHEMA IF EXISTS " + q(schema));
  }
}
