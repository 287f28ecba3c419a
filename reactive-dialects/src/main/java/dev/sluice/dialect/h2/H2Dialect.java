package dev.sluice.dialect.h2;

import dev.sluice.error.SluiceException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.UpdateQuery;
import dev.sluice.sql.Upsert;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2 2.x through r2dbc-h2 (embedded, in the same JVM): {@code $n} markers, standard
 * {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}, {@code ILIKE}, {@code NULLS FIRST/LAST}, identity
 * columns, native {@code UUID} and {@code JSON} types, {@code MERGE} upserts.
 *
 * <pre>{@code
 * SELECT "id", "name" FROM FINAL TABLE (INSERT INTO "countries" ("name") VALUES ($1), ($2))
 * SELECT "id", "name" FROM "cities" WHERE "name" ILIKE $1 OFFSET $2 ROWS FETCH NEXT $3 ROWS ONLY
 * }</pre>
 *
 * <p>H2 has no RETURNING clause; a statement with {@code returning()} reads H2's data change delta
 * table instead: {@code SELECT cols FROM FINAL TABLE (INSERT ... | UPDATE ...)} and
 * {@code SELECT cols FROM OLD TABLE (DELETE ...)}. JSON values are bound with {@code FORMAT JSON}
 * (otherwise H2 stores a bound string as a JSON string). Identifiers are quoted and kept in the
 * case they are declared in: open the database with {@code DATABASE_TO_UPPER=FALSE}, e.g.
 * {@code r2dbc:h2:mem:///app?options=DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE}, so that
 * unquoted names in raw SQL and {@code check(...)} resolve to the same columns. Errors are
 * classified by SQLSTATE (H2 reports a failed CHECK as 23513); a duplicate or missing key value
 * that H2 writes into its message is redacted unless bound values may be revealed. {@code FOR
 * SHARE} is unsupported.
 *
 * <p>Enums are {@code VARCHAR(255)} with a {@code CHECK (col IN (...))}: H2's own {@code ENUM}
 * type rejects labels bound through r2dbc-h2 1.1.0 (22018 "Data conversion error converting
 * 'popular'") in multi-row inserts and delta-table reads.
 */
public class H2Dialect extends StandardDialect {
  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .maxBindParameters(32767)
      .nativeIlike(true)
      .build();

  private static final Pattern DML_TABLE = Pattern.compile(
      "^\\s*(?:SELECT .*? FROM (?:FINAL|OLD) TABLE \\()?(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+\"((?:[^\"]|\"\")+)\"",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** {@code "PUBLIC.CONSTRAINT_INDEX_4 ON PUBLIC.users(email NULLS FIRST) VALUES ( /* 1 *}{@code / 'a' )"}. */
  private static final Pattern UNIQUE = Pattern.compile(
      "violation: \"(?:[^.\"]+\\.)?([^ \"]+) ON (?:[^.(\"]+\\.)?([^(\"]+)\\(([^)]*)\\)");
  private static final Pattern NULL_COLUMN = Pattern.compile("NULL not allowed for column \"([^\"]+)\"");
  /** {@code "cities_country_id_fkey: PUBLIC.cities FOREIGN KEY(country_id) REFERENCES ... (999999)"}. */
  private static final Pattern FOREIGN_KEY = Pattern.compile(
      "violation: \"([^:\"]+): (?:[^.\"]+\\.)?([^ \"]+) FOREIGN KEY\\(([^),]+)");
  private static final Pattern CHECK = Pattern.compile("Check constraint violation: \"([^:\"]+)");
  /** What H2 appends after a key: {@code VALUES ( /* 1 *}{@code / 'x' )} or {@code (999999)}. */
  private static final Pattern VALUES = Pattern.compile("( VALUES \\(.*?\\)|\\) \\((?:[^()]|\\([^()]*\\))*\\))(\"|;)", Pattern.DOTALL);

  @Override public String name() { return "h2"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  /**
   * Double-quotes an identifier, doubling embedded quotes. r2dbc-h2 1.1.0 splits every statement's
   * text at {@code ;} (quoted or not) before H2 parses it, so an identifier holding a semicolon is
   * written as a Unicode delimited identifier with the semicolon escaped:
   * {@code U&"odd\003B name"} (a backslash doubled, as that form requires).
   */
  @Override public String quote(String identifier) {
    if (identifier.indexOf(';') < 0) {
      return super.quote(identifier);
    }
    return "U&\"" + identifier.replace("\\", "\\\\").replace("\"", "\"\"").replace(";", "\\003B") + '"';
  }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "H2".equalsIgnoreCase(metadata.getName());
  }

  /** {@code $1, $2, ...}; a JSON value is {@code $n FORMAT JSON}. */
  @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('$').sql(Integer.toString(index + 1));
    if (type.codec() == null && (type.kind() == dev.sluice.schema.SqlKind.JSON
        || type.kind() == dev.sluice.schema.SqlKind.JSONB)) {
      ctx.sql(" FORMAT JSON");
    }
  }


  /** H2 locks with {@code FOR UPDATE} only. */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_SHARE) {
      throw new UnsupportedByDialectException("FOR SHARE", name());
    }
    super.appendLock(lock, ctx);
  }

  /**
   * r2dbc-h2 splits a statement at every {@code ;}, even inside a string, so a string holding one (or
   * a NUL) is a Unicode literal with the separator escaped: {@code U&'a\\003Bb'} for {@code a;b}.
   */
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

  // ---- RETURNING through delta tables -------------------------------------------------------

  @Override public void visitInsert(InsertQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "FINAL", ctx);
    super.visitInsert(node, ctx);
    close(node.returning(), ctx);
  }

  @Override public void visitUpdate(UpdateQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "FINAL", ctx);
    super.visitUpdate(node, ctx);
    close(node.returning(), ctx);
  }

  /** H2 has no UPDATE ... FROM: values and filter become correlated subqueries. */
  @Override protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    appendUpdateFromAsSubqueries(node, ctx);
  }

  @Override public void visitDelete(DeleteQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "OLD", ctx);
    super.visitDelete(node, ctx);
    close(node.returning(), ctx);
  }

  private void deltaTable(List<Column<?>> returning, String which, RenderContext ctx) {
    if (returning.isEmpty()) {
      return;
    }
    ctx.sql("SELECT ");
    for (int i = 0; i < returning.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      appendSelectItem(returning.get(i).expr(), ctx);
    }
    ctx.sql(" FROM ").sql(which).sql(" TABLE (");
  }

  private static void close(List<Column<?>> returning, RenderContext ctx) {
    if (!returning.isEmpty()) {
      ctx.sql(')');
    }
  }

  /** The returned columns are selected from the delta table around the statement. */
  @Override protected void appendReturning(List<Column<?>> returning, RenderContext ctx) {
  }

  /**
   * MERGE updates only columns the statement supplies: a column left to its database default (a
   * serial id, a {@code now()} default) is not in the {@code USING (VALUES ...)} source, so
   * {@code doUpdateAll()} must not name it.
   */
  @Override protected void appendMerge(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    if (u != null && !u.doNothing()) {
      List<Column<?>> supplied = node.columns();
      List<Column<?>> update = u.update().stream()
          .filter(c -> supplied.contains(c) && !u.conflict().contains(c)).toList();
      node = new InsertQuery(node.table(), node.columns(), node.rows(), node.returning(),
          new Upsert(u.conflict(), update.isEmpty() ? List.of() : update));
    }
    super.appendMerge(merged(node), ctx);
  }

  /**
   * The upsert with its byte values cast to their column type: in {@code MERGE ... USING (VALUES ?)}
   * H2 takes an untyped bytes bind for text and stores its hex digits (256 bytes became 512).
   */
  private static InsertQuery merged(InsertQuery node) {
    List<List<dev.sluice.sql.Expr<?>>> rows = new java.util.ArrayList<>(node.rows().size());
    for (List<dev.sluice.sql.Expr<?>> row : node.rows()) {
      List<dev.sluice.sql.Expr<?>> typed = new java.util.ArrayList<>(row.size());
      for (int c = 0; c < row.size(); c++) {
        DataType<?> type = node.columns().get(c).dataType();
        dev.sluice.sql.Expr<?> v = row.get(c);
        typed.add(type.kind() == dev.sluice.schema.SqlKind.BYTES && v instanceof dev.sluice.sql.Param<?>
            ? new dev.sluice.sql.Cast<>(v, type) : v);
      }
      rows.add(typed);
    }
    return new InsertQuery(node.table(), node.columns(), rows, node.returning(), node.upsert());
  }

  // ---- DDL ----------------------------------------------------------------------------------

  /** H2 keeps -0.0 as 0.0: refused rather than changed. */
  @Override public String refusal(Object driverValue) {
    return dev.sluice.spi.SpecialValues.isNegativeZero(driverValue) ? "-0.0, which H2 stores as 0.0" : null;
  }

  /** {@code TIME(6)}: H2's plain {@code TIME} drops the fraction of a second. */
  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case TIME -> "TIME(6)";
      case TEXT -> "CHARACTER VARYING";
      case JSON, JSONB -> "JSON";
      case BYTES -> "VARBINARY";
      default -> super.typeName(t);
    };
  }

  // ---- errors -------------------------------------------------------------------------------

  @Override public SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    return ErrorTranslator.translate(classify(error), revealBinds ? error : redacted(error), sql,
        revealBinds, constraintInfo(error, sql == null ? null : sql.sql()));
  }

  /** By SQLSTATE: H2 reports a failed CHECK as 23513, a missing parent as 23506, a deadlock as 40001. */
  @Override protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    if (state == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (state) {
      case "23513", "23514" -> ErrorKind.CHECK;
      case "23503", "23506" -> ErrorKind.FOREIGN_KEY;
      case "40001" -> ErrorKind.DEADLOCK;
      case "HYT00" -> ErrorKind.LOCK_NOT_AVAILABLE; // H2's lock timeout (50200)
      case "57014" -> ErrorKind.QUERY_CANCELLED;
      default -> super.classify(error);
    };
  }

  /** Table, column and constraint from H2's message, the table otherwise from the failed statement. */
  static ConstraintInfo constraintInfo(Throwable error, String sql) {
    String table = null;
    if (sql != null) {
      Matcher m = DML_TABLE.matcher(sql);
      if (m.find()) {
        table = m.group(1).replace("\"\"", "\"");
      }
    }
    String message = message(error);
    if (message != null) {
      Matcher m = UNIQUE.matcher(message);
      if (m.find()) {
        String[] cols = m.group(3).split(",");
        String column = cols.length == 1 ? cols[0].trim().replaceFirst(" NULLS (FIRST|LAST)$", "")
            .replaceFirst(" (ASC|DESC)$", "") : null;
        return new ConstraintInfo(m.group(2), column, m.group(1));
      }
      m = NULL_COLUMN.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(table, m.group(1), null);
      }
      m = FOREIGN_KEY.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(m.group(2), m.group(3).trim(), m.group(1));
      }
      m = CHECK.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(table, null, m.group(1));
      }
    }
    return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
  }

  private static String message(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return error == null ? null : error.getMessage();
  }

  /** The error with the key values H2 writes after a violated key removed from its message. */
  static Throwable redacted(Throwable error) {
    R2dbcException e = null;
    for (Throwable t = error; t != null && e == null; t = t.getCause()) {
      e = t instanceof R2dbcException r ? r : null;
    }
    if (e == null || e.getMessage() == null) {
      return error;
    }
    String m = e.getMessage();
    Matcher v = VALUES.matcher(m);
    String safe = v.replaceAll(r -> Matcher.quoteReplacement(
        (r.group(1).startsWith(" VALUES") ? " VALUES (<redacted>)" : ") (<redacted>)") + r.group(2)));
    return safe.equals(m) ? error : dev.sluice.spi.ErrorTranslator.redacted(e, safe);
  }
}
