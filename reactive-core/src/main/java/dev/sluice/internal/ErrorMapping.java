package dev.sluice.internal;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.DataException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.schema.Column;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import io.r2dbc.spi.R2dbcException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a driver error to Sluice's typed exception, naming the statement: a lost connection becomes
 * {@link ConnectionLostException}, any other R2DBC error goes to {@link Dialect#translate}, and a
 * refused value is named by table and column from the statement when the database did not. Bound
 * values stay out of the message unless {@code revealBinds}.
 */
final class ErrorMapping {
  private final Dialect dialect;
  private final boolean revealBinds;

  ErrorMapping(Dialect dialect, boolean revealBinds) {
    this.dialect = dialect;
    this.revealBinds = revealBinds;
  }

  /** {@code e} as Sluice's typed exception for {@code sql} (null when no statement ran). */
  Throwable translate(Throwable e, RenderedSql sql) {
    if (e instanceof SluiceException) {
      return e;
    }
    if (dialect.isConnectionLost(e)) {
      Throwable cause = ErrorTranslator.safeCause(e, sql, revealBinds);
      return new ConnectionLostException("Connection lost: " + cause.getMessage()
          + (sql == null ? "" : "\n  SQL: " + sql.sql()), cause, sql == null ? null : sql.sql());
    }
    if (!(e instanceof R2dbcException || e.getCause() instanceof R2dbcException)) {
      return e;
    }
    return dialect.translate(e, sql, revealBinds);
  }

  /**
   * {@link #translate(Throwable, RenderedSql)}, then names the table and column of a refused value
   * from the statement when the database did not.
   */
  Throwable translate(Throwable e, RenderedSql sql, Statement statement) {
    if (statement != null && !(e instanceof SluiceException) && dialect.isJsonTypeMismatch(e)) {
      Throwable json = JsonMismatch.of(e, sql, statement, revealBinds);
      if (json != null) {
        return json;
      }
    }
    Throwable t = translate(e, sql);
    if (t instanceof DataException d && d.column() == null && !(e instanceof SluiceException)) {
      return enrich(d, statement);
    }
    return t;
  }

  private static DataException enrich(DataException d, Statement statement) {
    String table;
    List<Column<?>> columns = new ArrayList<>();
    List<Expr<?>> values = new ArrayList<>();
    if (statement instanceof InsertQuery insert) {
      table = insert.table().name();
      for (List<Expr<?>> row : insert.rows()) {
        columns.addAll(insert.columns());
        values.addAll(row);
      }
    } else if (statement instanceof UpdateQuery update) {
      table = update.table().name();
      for (var a : update.assignments()) {
        columns.add(a.column());
        values.add(a.value());
      }
    } else {
      return d;
    }
    String column = null;
    for (int i = 0; i < columns.size() && column == null; i++) {
      Column<?> col = columns.get(i);
      Expr<?> v = values.get(i);
      if (d instanceof ValueTooLongException) {
        int max = col.dataType().length();
        if (max > 0 && v instanceof Param<?> p && p.value() instanceof CharSequence s && s.length() > max) {
          column = col.name();
        }
      } else if (v instanceof RawSql<?>) {
        column = col.name();
      }
    }
    if (column == null && columns.stream().map(Column::name).distinct().count() == 1) {
      column = columns.get(0).name();
    }
    String where = " [table " + table + (column == null ? "" : ", column " + column) + "]";
    DataException named = d instanceof ValueTooLongException
        ? new ValueTooLongException(d.getMessage() + where, d.getCause(), d.sql(), table, column)
        : new DataException(d.getMessage() + where, d.getCause(), d.sql(), table, column);
    named.setStackTrace(d.getStackTrace());
    return named;
  }
}
