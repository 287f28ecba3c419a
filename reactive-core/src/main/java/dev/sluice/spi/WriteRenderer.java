package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.UpdateQuery;
import java.util.List;

/**
 * Renders writes in standard SQL: {@code INSERT INTO t (cols) VALUES (...), ... [RETURNING ...]},
 * {@code INSERT ... SELECT}, {@code UPDATE t SET ... [FROM ...] WHERE ...} and {@code DELETE FROM t
 * WHERE ...}. An insert with a conflict clause goes to the dialect's {@link UpsertStrategy}. A
 * dialect overrides the hook that differs: where the returned columns go ({@link #appendOutput},
 * {@link #appendReturning}), how rows are written ({@link #appendValues}, {@link #appendDefaultRows}),
 * {@code UPDATE ... FROM} ({@link #appendUpdateFrom}).
 */
public class WriteRenderer extends RendererPart {
  private static final DataType<Integer> ONE = DataType.of(SqlKind.INTEGER, Integer.class);

  public WriteRenderer(StandardDialect dialect) {
    super(dialect);
  }

  /** An insert: an upsert goes to the {@link UpsertStrategy}, a plain one to {@link #appendPlainInsert}. */
  protected void appendInsert(InsertQuery node, RenderContext ctx) {
    if (node.upsert() != null) {
      renderer().upserts().appendUpsert(node, ctx);
    } else {
      appendPlainInsert(node, ctx);
    }
  }

  /**
   * {@code INSERT INTO t (cols) [output] VALUES (...), ... [conflict clause] [RETURNING ...]}; the
   * conflict clause (ON CONFLICT, ON DUPLICATE KEY) comes from the {@link UpsertStrategy}.
   */
  protected final void appendPlainInsert(InsertQuery node, RenderContext ctx) {
    ctx.sql("INSERT INTO ").table(node.table());
    if (node.columns().isEmpty()) {
      appendOutput(node.returning(), "INSERTED", ctx);
      appendDefaultRows(node, ctx);
    } else {
      ctx.sql(" (");
      for (int i = 0; i < node.columns().size(); i++) {
        if (i > 0) {
          ctx.sql(", ");
        }
        ctx.identifier(node.columns().get(i).name());
      }
      ctx.sql(')');
      appendOutput(node.returning(), "INSERTED", ctx);
      appendValues(node, ctx);
    }
    if (node.upsert() != null) {
      renderer().upserts().appendConflictClause(node, ctx);
    }
    appendReturning(node.returning(), ctx);
  }

  /** The inserted rows after the column list: {@code VALUES (?, ?), (?, ?)}. */
  protected void appendValues(InsertQuery node, RenderContext ctx) {
    ctx.sql(" VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      if (r > 0) {
        ctx.sql(", ");
      }
      ctx.sql('(');
      list(node.rows().get(r), ctx);
      ctx.sql(')');
    }
  }

  /**
   * Appends the rows of an insert that names no column, because the database fills every one (a
   * table of only a serial key): {@code DEFAULT VALUES} for one row, and one {@code DEFAULT} row per
   * record for several, since {@code DEFAULT VALUES} inserts exactly one row:
   * {@code INSERT INTO "t" ("id") VALUES (DEFAULT), (DEFAULT), (DEFAULT)}.
   */
  protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    if (node.rows().size() == 1) {
      ctx.sql(" DEFAULT VALUES");
    } else {
      appendDefaultKeywordRows(node, ctx);
    }
  }

  /**
   * {@code ("first column") VALUES (DEFAULT), ...}: one row per record of an insert that names no
   * column, each taking the first column's default (and so every column's).
   */
  protected final void appendDefaultKeywordRows(InsertQuery node, RenderContext ctx) {
    ctx.sql(" (").identifier(firstColumn(node).name()).sql(") VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (DEFAULT)" : "(DEFAULT)");
    }
  }

  /** The column an insert that names none writes its defaults through: the table's first. */
  protected static Column<?> firstColumn(InsertQuery node) {
    if (node.rows().isEmpty()) {
      throw new IllegalArgumentException("An insert into " + node.table().name() + " has no rows");
    }
    return node.table().columns().get(0);
  }

  protected void appendInsertSelect(InsertSelect node, RenderContext ctx) {
    ctx.sql("INSERT INTO ").table(node.table()).sql(" (").sql(names(node.columns()))
        .sql(") ");
    visit(node.source(), ctx);
  }

  /**
   * {@code UPDATE t SET c = v [WHERE ...] [RETURNING ...]}; with other tables to read,
   * {@link #appendUpdateFrom}.
   */
  protected void appendUpdate(UpdateQuery node, RenderContext ctx) {
    if (!node.from().isEmpty()) {
      appendUpdateFrom(node, ctx);
      return;
    }
    ctx.sql("UPDATE ").table(node.table()).sql(" SET ");
    appendAssignments(node.assignments(), false, ctx);
    appendOutput(node.returning(), "INSERTED", ctx);
    where(node.where(), ctx);
    appendReturning(node.returning(), ctx);
  }

  /**
   * The standard-style {@code UPDATE t SET c = v FROM a, b WHERE ...} (PostgreSQL, SQLite 3.33+, SQL
   * Server), values and filter qualified. A database without it overrides this, e.g. with
   * {@link #appendUpdateFromAsSubqueries}.
   */
  protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    boolean previous = ctx.qualify(true);
    ctx.sql("UPDATE ").table(node.table()).sql(" SET ");
    appendAssignments(node.assignments(), false, ctx);
    appendOutput(node.returning(), "INSERTED", ctx);
    appendFromList(node.from(), " FROM ", ctx);
    where(node.where(), ctx);
    ctx.qualify(previous);
    appendReturning(node.returning(), ctx);
  }

  /** Appends {@code c = v, ...}; {@code qualified} prefixes each target column with its table. */
  protected final void appendAssignments(List<Assignment<?>> assignments, boolean qualified,
      RenderContext ctx) {
    for (int i = 0; i < assignments.size(); i++) {
      Assignment<?> a = assignments.get(i);
      if (i > 0) {
        ctx.sql(", ");
      }
      if (qualified) {
        ctx.identifier(a.column().table().qualifier()).sql('.');
      }
      ctx.identifier(a.column().name()).sql(" = ");
      visit(a.value(), ctx);
    }
  }

  /** Appends {@code prefix} and the tables, comma-separated. */
  protected final void appendFromList(List<Table<?>> tables, String prefix, RenderContext ctx) {
    ctx.sql(prefix);
    for (int i = 0; i < tables.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      table(tables.get(i), ctx);
    }
  }

  /**
   * {@code UPDATE ... FROM} for databases without it: each value becomes a correlated subquery over
   * the other tables and the filter an {@code EXISTS}: {@code UPDATE t SET c = (SELECT v FROM a WHERE
   * w) WHERE EXISTS (SELECT 1 FROM a WHERE w)}. A target row matched by more than one row of the other
   * tables is an error there, where UPDATE ... FROM would pick one of them silently.
   */
  protected final void appendUpdateFromAsSubqueries(UpdateQuery node, RenderContext ctx) {
    ctx.sql("UPDATE ").table(node.table()).sql(" SET ");
    for (int i = 0; i < node.assignments().size(); i++) {
      Assignment<?> a = node.assignments().get(i);
      ctx.sql(i > 0 ? ", " : "").identifier(a.column().name()).sql(" = ");
      subquery(over(node, a.value()), ctx);
    }
    ctx.sql(" WHERE EXISTS ");
    subquery(over(node, new RawSql<>("1", List.of(), ONE)), ctx);
    appendReturning(node.returning(), ctx);
  }

  /** {@code SELECT value FROM <the update's other tables> WHERE <its filter>}. */
  private static SelectQuery over(UpdateQuery node, Expr<?> value) {
    SelectQuery q = SelectQuery.of(List.of(value), node.from().get(0)).withWhere(node.where());
    for (Table<?> t : node.from().subList(1, node.from().size())) {
      q = q.withJoin(new Join(JoinType.CROSS, t, null));
    }
    return q;
  }

  protected void appendDelete(DeleteQuery node, RenderContext ctx) {
    ctx.sql("DELETE FROM ").table(node.table());
    appendOutput(node.returning(), "DELETED", ctx);
    where(node.where(), ctx);
    appendReturning(node.returning(), ctx);
  }

  /**
   * Appends the returned columns where T-SQL puts its {@code OUTPUT} clause: after an insert's column
   * list, an update's SET, a delete's table; {@code pseudoTable} is {@code INSERTED} (new values) or
   * {@code DELETED}. Nothing in standard SQL, which returns them at the end ({@link #appendReturning}).
   */
  protected void appendOutput(List<Column<?>> returning, String pseudoTable, RenderContext ctx) {
  }

  /** Appends {@code RETURNING cols} at the end of a write; throws where the database has no RETURNING. */
  protected void appendReturning(List<Column<?>> returning, RenderContext ctx) {
    if (returning.isEmpty()) {
      return;
    }
    if (!capabilities().returning()) {
      throw new UnsupportedByDialectException("RETURNING", name());
    }
    ctx.sql(" RETURNING ");
    for (int i = 0; i < returning.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      selectItem(returning.get(i).expr(), ctx);
    }
  }
}
