package dev.sluice.dialect.mysql;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Index;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.StandardDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's DDL: {@code AUTO_INCREMENT} keys, indexes declared inside {@code CREATE TABLE}, timestamp
 * defaults with MySQL's precision, literals read alike with and without {@code NO_BACKSLASH_ESCAPES}.
 */
class MySqlDdl extends DdlRenderer {

  protected MySqlDdl(StandardDialect dialect) {
    super(dialect);
  }

  /** {@code 'it''s'}: a string without backslash or NUL, alike in every SQL mode. */
  private static String plain(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * An ENUM label, which must be a literal (no expression): with a backslash or a NUL, hexadecimal
   * UTF-8 ({@code X'5c27'}), read alike whatever the SQL mode and taken in the column's character set.
   */
  static String labelLiteral(String label) {
    if (label.indexOf('\\') < 0 && label.indexOf('\0') < 0) {
      return plain(label);
    }
    return "X'" + hex(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'";
  }

  /**
   * A backslash escapes in MySQL's default SQL mode and is a plain character under
   * {@code NO_BACKSLASH_ESCAPES}, so a default holding one (or a NUL) is an expression without
   * backslashes, read alike in both modes: {@code (CONCAT('it''s ', CHAR(92 USING utf8mb4), ''''))}
   * for {@code it's \'}. (A hexadecimal literal would do for VARCHAR, but MariaDB re-reads a TEXT
   * default with the backslash unescaped.) Any other string is {@code 'it''s'}, alike in both modes.
   */
  @Override protected String stringLiteral(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf('\0') < 0) {
      return plain(value);
    }
    StringBuilder s = new StringBuilder("(CONCAT(");
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : 0;
      if (i == value.length() || c == '\\' || c == 0) {
        if (i > start) {
          s.append(s.length() > 8 ? ", " : "").append(plain(value.substring(start, i)));
        }
        if (i < value.length()) {
          s.append(s.length() > 8 ? ", " : "").append("CHAR(").append((int) c).append(" USING utf8mb4)");
        }
        start = i + 1;
      }
    }
    return s.append("))").toString();
  }

  /** MySQL and MariaDB keep a NUL in text, and the hexadecimal literal writes it. */
  @Override protected boolean literalsHoldNul() {
    return true;
  }

  @Override protected String generatedColumnType(DataType<?> type) {
    return dialect().typeName(type) + " AUTO_INCREMENT";
  }

  /**
   * The standard CREATE TABLE with the indexes declared inside it (MySQL has no {@code CREATE INDEX
   * IF NOT EXISTS}), and timestamp defaults given MySQL's precision rules.
   */
  /**
   * The standard CREATE TABLE with the indexes declared inside it (MySQL has no {@code CREATE INDEX
   * IF NOT EXISTS}), and timestamp defaults given MySQL's precision rules.
   */
  @Override protected List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    for (String statement : super.createTable(table)) {
      if (statement.startsWith("CREATE TABLE")) {
        out.add(withIndexes(table, withTimestampDefaults(table, statement)));
      } else if (!statement.startsWith("CREATE INDEX") && !statement.startsWith("CREATE UNIQUE INDEX")) {
        out.add(statement);
      }
    }
    return out;
  }

  private String withIndexes(Table<?> table, String create) {
    StringBuilder extra = new StringBuilder();
    for (Index i : table.meta().indexes()) {
      if (i.where() != null) {
        throw new UnsupportedByDialectException("Partial index " + i.name() + " (WHERE " + i.where() + ")",
            dialect().name());
      }
      extra.append(",\n  ").append(i.unique() ? "UNIQUE INDEX " : "INDEX ").append(quote(i.name())).append(" (");
      for (int c = 0; c < i.columns().size(); c++) {
        extra.append(c > 0 ? ", " : "").append(quote(i.columns().get(c).name()));
      }
      extra.append(')');
    }
    int end = create.lastIndexOf("\n)");
    return create.substring(0, end) + extra + create.substring(end);
  }

  private String withTimestampDefaults(Table<?> table, String create) {
    String out = create;
    for (Column<?> c : table.columns()) {
      SqlKind kind = c.dataType().kind();
      String def = c.defaultSql();
      if (def == null || (kind != SqlKind.TIMESTAMP && kind != SqlKind.TIMESTAMPTZ)
          || !def.trim().matches("(?i)current_timestamp(\\(\\))?|now\\(\\)|localtimestamp(\\(\\))?")) {
        continue;
      }
      String replacement = kind == SqlKind.TIMESTAMPTZ ? "(UTC_TIMESTAMP(6))" : "CURRENT_TIMESTAMP(6)";
      String head = "\n  " + quote(c.name()) + " ";
      int at = out.indexOf(head);
      int lineEnd = out.indexOf('\n', at + 1);
      String line = out.substring(at, lineEnd < 0 ? out.length() : lineEnd)
          .replace(" DEFAULT " + def, " DEFAULT " + replacement);
      out = out.substring(0, at) + line + (lineEnd < 0 ? "" : out.substring(lineEnd));
    }
    return out;
  }
}
