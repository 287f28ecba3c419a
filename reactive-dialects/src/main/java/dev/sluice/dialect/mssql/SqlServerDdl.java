package dev.sluice.dialect.mssql;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.StandardDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * T-SQL's DDL: {@code IDENTITY(1,1)} keys, statements guarded by {@code IF OBJECT_ID(...) IS NULL}
 * and {@code IF NOT EXISTS (SELECT 1 FROM sys.indexes ...)}, {@code LEN(} for {@code length(} in
 * checks and defaults, {@code N'...'} strings, {@code 0x..} bytes, {@code 1}/{@code 0} booleans.
 */
class SqlServerDdl extends DdlRenderer {
  private static final Pattern LENGTH = Pattern.compile("(?i)\\blength\\(");

  SqlServerDdl(StandardDialect dialect) {
    super(dialect);
  }

  /**
   * A computed column: {@code [c] AS (expr) PERSISTED} when stored, {@code [c] AS (expr)} when
   * virtual. T-SQL gives a computed column no type: the expression's type is the column's.
   */
  @Override protected String generatedAlways(dev.sluice.schema.Column<?> c, String typeName) {
    return "AS (" + generatedExpression(c) + ")" + (c.generatedAs().stored() ? " PERSISTED" : "");
  }

  @Override protected String generatedColumnType(DataType<?> type) {
    return (type.kind() == SqlKind.BIGSERIAL ? "BIGINT" : "INT") + " IDENTITY(1,1)";
  }

  /**
   * {@code IF OBJECT_ID(N'cities', N'U') IS NULL CREATE TABLE [cities] (...)}, and each index guarded
   * by {@code IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix' AND object_id =
   * OBJECT_ID(N't'))}.
   */
  @Override protected List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    String createTable = "CREATE TABLE IF NOT EXISTS ";
    for (String s : super.createTable(table)) {
      if (s.startsWith(createTable)) {
        out.add("IF OBJECT_ID(" + nString(objectName(table)) + ", N'U') IS NULL CREATE TABLE "
            + rewriteFunctions(s.substring(createTable.length())));
      } else if (s.startsWith("CREATE INDEX IF NOT EXISTS ") || s.startsWith("CREATE UNIQUE INDEX IF NOT EXISTS ")) {
        String create = s.replaceFirst(" IF NOT EXISTS ", " ");
        String index = create.substring(create.indexOf("INDEX ") + 6, create.indexOf(" ON "));
        out.add("IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = "
            + nString(index.substring(1, index.length() - 1).replace("]]", "]"))
            + " AND object_id = OBJECT_ID(" + nString(objectName(table)) + ")) " + create);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The name {@code OBJECT_ID} looks up: {@code cities}, or {@code [audit].[cities]} in a schema. */
  private String objectName(Table<?> table) {
    return table.schema() == null ? table.name() : qualifiedName(table);
  }

  /** {@code IF SCHEMA_ID(N'audit') IS NULL EXEC(N'CREATE SCHEMA [audit]')}: T-SQL has no IF NOT EXISTS here. */
  @Override protected List<String> createSchema(String schema) {
    return List.of("IF SCHEMA_ID(" + nString(schema) + ") IS NULL EXEC(" + nString("CREATE SCHEMA " + quote(schema)) + ")");
  }

  /** {@code length(} in checks and defaults is {@code LEN(} (outside quoted identifiers). */
  private static String rewriteFunctions(String ddl) {
    StringBuilder out = new StringBuilder(ddl.length());
    int i = 0;
    while (i < ddl.length()) {
      int bracket = ddl.indexOf('[', i);
      int quote = ddl.indexOf('\'', i);
      int open = bracket < 0 ? quote : quote < 0 ? bracket : Math.min(bracket, quote);
      String plain = open < 0 ? ddl.substring(i) : ddl.substring(i, open);
      out.append(LENGTH.matcher(plain).replaceAll("LEN("));
      if (open < 0) {
        break;
      }
      char end = ddl.charAt(open) == '[' ? ']' : '\'';
      int close = open + 1;
      while (close < ddl.length()) { // a quoted identifier or string ends at a ] or ' that is not doubled
        if (ddl.charAt(close) == end) {
          if (close + 1 < ddl.length() && ddl.charAt(close + 1) == end) {
            close += 2;
            continue;
          }
          break;
        }
        close++;
      }
      out.append(ddl, open, Math.min(close + 1, ddl.length()));
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * {@code N'...'}, so that text outside the code page keeps its characters. T-SQL drops a backslash
   * followed by a line break inside a string (a line continuation), so such a string is split after
   * the backslash and concatenated: {@code (N'a\\' + N'<LF>b')}.
   */
  @Override protected String stringLiteral(String value) {
    String s = nString(value);
    String split = s.replace("\\\r", "\\' + N'\r").replace("\\\n", "\\' + N'\n");
    return split.equals(s) ? s : "(" + split + ")";
  }

  /** {@code 1} or {@code 0}: there is no boolean literal (the column is a number). */
  @Override protected String booleanLiteral(boolean value) {
    return value ? "1" : "0";
  }

  /** {@code 0x00ff}. */
  @Override protected String bytesLiteral(byte[] value) {
    return "0x" + hex(value);
  }

  private static String nString(String s) {
    return "N'" + s.replace("'", "''") + "'";
  }

  /** {@code CREATE OR ALTER VIEW [v] ([a]) AS SELECT ...} (SQL Server 2016 SP1 and later). */
  @Override protected List<String> createView(dev.sluice.schema.View<?> view) {
    List<String> create = super.createView(view); // refuses a materialized view
    return List.of(create.get(0).replaceFirst("^CREATE OR REPLACE VIEW ", "CREATE OR ALTER VIEW "));
  }
}
