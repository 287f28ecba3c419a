package dev.sluice.spi;

import dev.sluice.error.SluiceException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Aliased;
import dev.sluice.sql.CommonTable;
import dev.sluice.sql.With;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.CaseWhen;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Exists;
import dev.sluice.sql.FunctionCall;
import dev.sluice.sql.InSubquery;
import dev.sluice.sql.Join;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.ScalarSubquery;
import dev.sluice.sql.Between;
import dev.sluice.sql.Bind;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InList;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Like;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Not;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.SqlVisitor;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.List;

/**
 * The standard-SQL renderer. A dialect extends it and overrides only what differs: the hooks
 * {@link #quote}, {@link #appendBindMarker}, {@link #appendLimitOffset}, {@link #typeName} and its
 * {@link Capabilities}. Stateless: all walk state lives in the {@link RenderContext}.
 */
public class StandardDialect implements Dialect, SqlVisitor<RenderContext> {

  @Override public String name() { return "standard"; }

  @Override public Capabilities capabilities() { return Capabilities.standard(); }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) { return false; }

  @Override public final RenderedSql render(Statement statement) {
    RenderContext ctx = RenderContext.full(this);
    statement.accept(this, ctx);
    return ctx.result();
  }

  @Override public final List<Bind> binds(Statement statement) {
    RenderContext ctx = RenderContext.bindsOnly(this);
    statement.accept(this, ctx);
    return ctx.binds();
  }

  /** Double-quotes an identifier, doubling embedded quotes. */
  @Override public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * Appends the marker for the bind at 0-based {@code index}; standard SQL uses {@code ?}. The type is
   * null for a value bound with {@link RenderContext#bindDriverValue}.
   */
  protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('?');
  }

  // ---- expressions --------------------------------------------------------------------------

  @Override public void visitColumn(ColumnExpr<?> node, RenderContext ctx) {
    if (ctx.qualify()) {
      ctx.identifier(node.column().table().qualifier()).sql('.');
    }
    ctx.identifier(node.column().name());
  }

  @Override public void visitParam(Param<?> node, RenderContext ctx) {
    ctx.bind(node);
  }

  @Override public void visitAggregate(Aggregate<?> node, RenderContext ctx) {
    ctx.sql(node.function().name()).sql('(');
    if (node.arg() == null) {
      ctx.sql('*');
    } else {
      if (node.distinct()) {
        ctx.sql("DISTINCT ");
      }
      node.arg().accept(this, ctx);
    }
    ctx.sql(')');
  }

  @Override public void visitFunction(FunctionCall<?> node, RenderContext ctx) {
    ctx.sql(functionName(node.name())).sql('(');
    list(node.args(), ctx);
    ctx.sql(')');
  }

  /** The spelling of a standard function in this dialect (e.g. {@code LENGTH} → {@code LEN}). */
  protected String functionName(String standardName) {
    return standardName;
  }

  @Override public void visitArithmetic(Arithmetic<?> node, RenderContext ctx) {
    ctx.sql('(');
    node.left().accept(this, ctx);
    ctx.sql(' ').sql(node.op().sql()).sql(' ');
    node.right().accept(this, ctx);
    ctx.sql(')');
  }

  @Override public void visitCase(CaseWhen<?> node, RenderContext ctx) {
    ctx.sql("CASE");
    for (CaseWhen.When<?> w : node.whens()) {
      ctx.sql(" WHEN ");
      w.condition().accept(this, ctx);
      ctx.sql(" THEN ");
      w.value().accept(this, ctx);
    }
    if (node.otherwise() != null) {
      ctx.sql(" ELSE ");
      node.otherwise().accept(this, ctx);
    }
    ctx.sql(" END");
  }

  @Override public void visitCast(Cast<?> node, RenderContext ctx) {
    ctx.sql("CAST(");
    node.value().accept(this, ctx);
    ctx.sql(" AS ").sql(typeName(node.type())).sql(')');
  }

  /** Writes the template, rendering each {@code {n}} placeholder as its expression (values bound). */
  @Override public void visitRaw(RawSql<?> node, RenderContext ctx) {
    String t = node.template();
    int i = 0;
    while (i < t.length()) {
      int open = t.indexOf('{', i);
      int close = open < 0 ? -1 : t.indexOf('}', open);
      if (open < 0 || close < 0) {
        ctx.sql(t.substring(i));
        return;
      }
      ctx.sql(t.substring(i, open));
      if (t.startsWith("{{", open)) { // an escaped, literal brace: '{{"a": 1}' is the JSON {"a": 1}
        ctx.sql('{');
        i = open + 2;
        continue;
      }
      String index = t.substring(open + 1, close);
      int n;
      try {
        n = Integer.parseInt(index);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Placeholder {" + index + "} in raw SQL is not a number: " + t);
      }
      if (n < 0 || n >= node.args().size()) {
        throw new IllegalArgumentException("Placeholder {" + n + "} in raw SQL has no argument ("
            + node.args().size() + " given): " + t);
      }
      node.args().get(n).accept(this, ctx);
      i = close + 1;
    }
  }

  @Override public void visitScalarSubquery(ScalarSubquery<?> node, RenderContext ctx) {
    subquery(node.query(), ctx);
  }

  @Override public void visitExists(Exists node, RenderContext ctx) {
    ctx.sql(node.negated() ? "NOT EXISTS " : "EXISTS ");
    subquery(node.query(), ctx);
  }

  @Override public void visitInSubquery(InSubquery node, RenderContext ctx) {
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT IN " : " IN ");
    subquery(node.query(), ctx);
  }

  /** A parenthesised nested SELECT; its columns are always qualified. */
  protected final void subquery(SelectQuery query, RenderContext ctx) {
    ctx.sql('(');
    boolean previous = ctx.enter(true);
    query.accept(this, ctx);
    ctx.leave(previous);
    ctx.sql(')');
  }

  // ---- conditions ---------------------------------------------------------------------------

  @Override public void visitComparison(Comparison node, RenderContext ctx) {
    node.left().accept(this, ctx);
    ctx.sql(' ').sql(node.op().sql()).sql(' ');
    node.right().accept(this, ctx);
  }

  @Override public void visitLogical(Logical node, RenderContext ctx) {
    String op = node.and() ? " AND " : " OR ";
    List<Condition> operands = node.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        ctx.sql(op);
      }
      nested(operands.get(i), node.and(), ctx);
    }
  }

  private void nested(Condition c, boolean parentIsAnd, RenderContext ctx) {
    boolean parens = c instanceof Logical l && l.and() != parentIsAnd && l.operands().size() > 1;
    if (parens) {
      ctx.sql('(');
    }
    c.accept(this, ctx);
    if (parens) {
      ctx.sql(')');
    }
  }

  @Override public void visitNot(Not node, RenderContext ctx) {
    ctx.sql("NOT (");
    node.condition().accept(this, ctx);
    ctx.sql(')');
  }

  @Override public void visitNullCheck(NullCheck node, RenderContext ctx) {
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " IS NOT NULL" : " IS NULL");
  }

  @Override public void visitInList(InList node, RenderContext ctx) {
    if (node.values().isEmpty()) {
      ctx.sql(node.negated() ? "1 = 1" : "1 = 0");
      return;
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT IN (" : " IN (");
    list(node.values(), ctx);
    ctx.sql(')');
  }

  @Override public void visitBetween(Between node, RenderContext ctx) {
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT BETWEEN " : " BETWEEN ");
    node.low().accept(this, ctx);
    ctx.sql(" AND ");
    node.high().accept(this, ctx);
  }

  /** Renders LIKE; without a native ILIKE, case-insensitive matching lowers both sides. */
  @Override public void visitLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive() && capabilities().nativeIlike()) {
      node.expr().accept(this, ctx);
      ctx.sql(node.negated() ? " NOT ILIKE " : " ILIKE ");
      node.pattern().accept(this, ctx);
      return;
    }
    if (node.caseInsensitive()) {
      ctx.sql("LOWER(");
      node.expr().accept(this, ctx);
      ctx.sql(node.negated() ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
      node.pattern().accept(this, ctx);
      ctx.sql(')');
      return;
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT LIKE " : " LIKE ");
    node.pattern().accept(this, ctx);
  }

  // ---- statements ---------------------------------------------------------------------------

  @Override public void visitSelect(SelectQuery node, RenderContext ctx) {
    appendWith(node.with(), ctx);
    boolean previous = ctx.qualify(ctx.qualify() || node.multiTable());
    ctx.sql(node.distinct() ? "SELECT DISTINCT " : "SELECT ");
    appendSelectPrefix(node, ctx);
    for (int i = 0; i < node.select().size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      selectItem(node.select().get(i), ctx);
    }
    if (node.from() == null) {
      appendNoFrom(ctx);
    } else {
      ctx.sql(" FROM ");
      appendTable(node.from(), ctx);
      appendTableLock(node.lock(), ctx);
    }
    for (Join j : node.joins()) {
      ctx.sql(' ').sql(j.type().sql()).sql(' ');
      appendTable(j.table(), ctx);
      appendTableLock(node.lock(), ctx);
      if (j.on() != null) {
        ctx.sql(" ON ");
        j.on().accept(this, ctx);
      }
    }
    where(node.where(), ctx);
    if (!node.groupBy().isEmpty()) {
      ctx.sql(" GROUP BY ");
      list(node.groupBy(), ctx);
    }
    if (node.having() != null) {
      ctx.sql(" HAVING ");
      node.having().accept(this, ctx);
    }
    if (!node.orderBy().isEmpty()) {
      ctx.sql(" ORDER BY ");
      for (int i = 0; i < node.orderBy().size(); i++) {
        if (i > 0) {
          ctx.sql(", ");
        }
        appendOrderItem(node.orderBy().get(i), ctx);
      }
    }
    appendSelectPaging(node, ctx);
    appendLock(node.lock(), ctx);
    ctx.qualify(previous);
  }

  /**
   * Appends what a SELECT of values only ({@code db.select(...)} without {@code from}) needs in place
   * of a table: nothing here ({@code SELECT 1}); {@code FROM DUAL} on Oracle, MySQL and MariaDB.
   */
  protected void appendNoFrom(RenderContext ctx) {
  }

  /** Appends what a dialect puts right after {@code SELECT [DISTINCT]} (T-SQL's {@code TOP}); nothing here. */
  protected void appendSelectPrefix(SelectQuery node, RenderContext ctx) {
  }

  /** Appends a row-lock hint after each table reference (T-SQL's {@code WITH (UPDLOCK)}); nothing here. */
  protected void appendTableLock(LockMode lock, RenderContext ctx) {
  }

  /** Appends a SELECT's paging at its end: {@link #appendLimitOffset} unless a prefix already did it. */
  protected void appendSelectPaging(SelectQuery node, RenderContext ctx) {
    appendLimitOffset(node, ctx);
  }

  /**
   * Appends a table reference: {@code "users"}, {@code "users" AS "boss"}, or for a derived table
   * {@code (SELECT ... AS "col", ...) AS "name"}.
   */
  protected void appendTable(Table<?> table, RenderContext ctx) {
    if (table.source() != null) {
      ctx.sql('(');
      boolean previous = ctx.enter(false);
      Statement named = namedOutputs(table.source(), table.columns());
      named.accept(this, ctx);
      ctx.leave(previous);
      ctx.sql(')');
      appendTableAlias(table.qualifier(), ctx);
      return;
    }
    ctx.identifier(table.name());
    if (table.alias() != null) {
      appendTableAlias(table.alias(), ctx);
    }
  }

  /** Appends the alias after a table reference; standard SQL spells it {@code AS "alias"}. */
  protected void appendTableAlias(String alias, RenderContext ctx) {
    ctx.sql(" AS ").identifier(alias);
  }

  /** The query with its (first part's) values named like {@code columns}, so the outside reads them by name. */
  private static Statement namedOutputs(Statement query, List<Column<?>> columns) {
    if (query instanceof CompoundSelect c) {
      List<SelectQuery> parts = new java.util.ArrayList<>(c.parts());
      parts.set(0, (SelectQuery) namedOutputs(parts.get(0), columns));
      return new CompoundSelect(parts, c.ops(), c.orderBy(), c.limit(), c.offset());
    }
    SelectQuery s = (SelectQuery) query;
    List<Expr<?>> named = new java.util.ArrayList<>(s.select().size());
    for (int i = 0; i < s.select().size(); i++) {
      Expr<?> e = s.select().get(i);
      Expr<?> bare = e instanceof Aliased<?> a ? a.expr() : e;
      named.add(alias(bare, columns.get(i).name()));
    }
    return s.withSelect(named);
  }

  private static <T> Aliased<T> alias(Expr<T> e, String name) {
    return new Aliased<>(e, name);
  }

  /**
   * Appends {@code WITH [RECURSIVE] "name" ("col", ...) AS (query), ... } before a SELECT; nothing
   * when {@code with} is null.
   */
  protected void appendWith(With with, RenderContext ctx) {
    if (with == null) {
      return;
    }
    ctx.sql(with.recursive() ? recursiveWith() : "WITH ");
    for (int i = 0; i < with.tables().size(); i++) {
      CommonTable t = with.tables().get(i);
      ctx.sql(i > 0 ? ", " : "").identifier(t.table().name()).sql(" (").sql(names(t.table().columns()))
          .sql(") AS (");
      boolean previous = ctx.enter(false);
      t.query().accept(this, ctx);
      ctx.leave(previous);
      ctx.sql(')');
    }
    ctx.sql(' ');
  }

  /** How a WITH clause with a self-referring query starts: {@code WITH RECURSIVE} in standard SQL. */
  protected String recursiveWith() {
    return "WITH RECURSIVE ";
  }

  /** Appends one SELECT-list value, with its output name when it has one. */
  protected final void selectItem(Expr<?> item, RenderContext ctx) {
    if (item instanceof Aliased<?> a) {
      appendSelectItem(a.expr(), ctx);
      ctx.sql(" AS ").identifier(a.alias());
    } else {
      appendSelectItem(item, ctx);
    }
  }

  @Override public void visitTableRef(dev.sluice.sql.TableRef node, RenderContext ctx) {
    appendTable(node.table(), ctx);
  }

  @Override public void visitAliased(Aliased<?> node, RenderContext ctx) {
    selectItem(node, ctx);
  }

  /** Appends the row-lock clause; the standard spelling is {@code FOR UPDATE [SKIP LOCKED | NOWAIT]}. */
  protected void appendLock(LockMode lock, RenderContext ctx) {
    switch (lock) {
      case NONE -> { }
      case FOR_UPDATE -> ctx.sql(" FOR UPDATE");
      case FOR_SHARE -> ctx.sql(" FOR SHARE");
      case FOR_UPDATE_SKIP_LOCKED -> ctx.sql(" FOR UPDATE SKIP LOCKED");
      case FOR_UPDATE_NOWAIT -> ctx.sql(" FOR UPDATE NOWAIT");
    }
  }

  /**
   * Appends one value the statement hands back (a SELECT list item or a RETURNING column); the
   * standard version renders the expression itself. A dialect may wrap it to read it faithfully.
   */
  protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    item.accept(this, ctx);
  }

  /** Appends one ORDER BY term, including NULLS FIRST/LAST where the database has it. */
  protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    item.expr().accept(this, ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
    if (item.nulls() != OrderItem.Nulls.DEFAULT) {
      if (!capabilities().nullsOrdering()) {
        throw new UnsupportedByDialectException("NULLS " + item.nulls() + " ordering", name());
      }
      ctx.sql(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  /** Appends paging; standard SQL uses {@code OFFSET n ROWS FETCH NEXT m ROWS ONLY}. */
  protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset()).sql(" ROWS");
    }
    if (node.limit() != null) {
      ctx.sql(" FETCH NEXT ").bind(node.limit()).sql(" ROWS ONLY");
    }
  }

  @Override public void visitCompound(CompoundSelect node, RenderContext ctx) {
    for (int i = 0; i < node.parts().size(); i++) {
      if (i > 0) {
        ctx.sql(' ').sql(setOperator(node.ops().get(i - 1))).sql(' ');
      }
      node.parts().get(i).accept(this, ctx);
    }
    SelectQuery paging = node.paging();
    if (!paging.orderBy().isEmpty()) {
      boolean previous = ctx.qualify(false);
      ctx.sql(" ORDER BY ");
      for (int i = 0; i < paging.orderBy().size(); i++) {
        if (i > 0) {
          ctx.sql(", ");
        }
        appendOrderItem(paging.orderBy().get(i), ctx);
      }
      ctx.qualify(previous);
    }
    appendLimitOffset(paging, ctx);
  }

  /**
   * {@code [WITH ...] SELECT COUNT(*) FROM (SELECT ... AS "c1", ... ) AS "counted"}: each value of the
   * counted query gets a name of its own, as every database requires of a derived table.
   */
  @Override public void visitCount(CountQuery node, RenderContext ctx) {
    SelectQuery q = node.query();
    appendWith(q.with(), ctx);
    List<Expr<?>> named = new java.util.ArrayList<>(q.select().size());
    for (int i = 0; i < q.select().size(); i++) {
      Expr<?> e = q.select().get(i);
      Expr<?> bare = e instanceof Aliased<?> a ? a.expr() : e;
      named.add(alias(bare, "c" + (i + 1)));
    }
    ctx.sql("SELECT COUNT(*) FROM (");
    boolean previous = ctx.enter(false);
    q.withWith(null).withSelect(named).accept(this, ctx);
    ctx.leave(previous);
    ctx.sql(')');
    appendTableAlias("counted", ctx);
  }

  /** The spelling of a set operator ({@code EXCEPT} is {@code MINUS} in some databases). */
  protected String setOperator(CompoundSelect.SetOp op) {
    return op.sql();
  }

  @Override public void visitInsertSelect(InsertSelect node, RenderContext ctx) {
    ctx.sql("INSERT INTO ").identifier(node.table().name()).sql(" (").sql(names(node.columns()))
        .sql(") ");
    node.source().accept(this, ctx);
  }

  @Override public void visitInsert(InsertQuery node, RenderContext ctx) {
    if (node.upsert() != null && capabilities().upsertStyle() == Capabilities.UpsertStyle.MERGE) {
      appendMerge(node, ctx);
      return;
    }
    if (node.upsert() != null && capabilities().upsertStyle() == Capabilities.UpsertStyle.NONE) {
      throw new UnsupportedByDialectException("Upsert (onConflict)", name());
    }
    ctx.sql("INSERT INTO ").identifier(node.table().name());
    if (node.columns().isEmpty()) {
      appendDefaultRows(node, ctx);
    } else {
      ctx.sql(" (");
      for (int i = 0; i < node.columns().size(); i++) {
        if (i > 0) {
          ctx.sql(", ");
        }
        ctx.identifier(node.columns().get(i).name());
      }
      ctx.sql(") VALUES ");
      for (int r = 0; r < node.rows().size(); r++) {
        if (r > 0) {
          ctx.sql(", ");
        }
        ctx.sql('(');
        list(node.rows().get(r), ctx);
        ctx.sql(')');
      }
    }
    if (node.upsert() != null) {
      appendUpsert(node, ctx);
    }
    appendReturning(node.returning(), ctx);
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

  /**
   * Appends the conflict clause after VALUES: {@code ON CONFLICT (k) DO NOTHING | DO UPDATE SET c =
   * EXCLUDED.c} or {@code ON DUPLICATE KEY UPDATE c = VALUES(c)}.
   */
  protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    dev.sluice.sql.Upsert u = node.upsert();
    if (capabilities().upsertStyle() == Capabilities.UpsertStyle.ON_DUPLICATE_KEY) {
      ctx.sql(" ON DUPLICATE KEY UPDATE ");
      List<Column<?>> set = u.doNothing() ? u.conflict().subList(0, 1) : u.update();
      for (int i = 0; i < set.size(); i++) {
        String c = quote(set.get(i).name());
        ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = ").sql(u.doNothing() ? c : "VALUES(" + c + ")");
      }
      return;
    }
    ctx.sql(" ON CONFLICT (").sql(names(u.conflict())).sql(")");
    if (u.doNothing()) {
      ctx.sql(" DO NOTHING");
      return;
    }
    ctx.sql(" DO UPDATE SET ");
    for (int i = 0; i < u.update().size(); i++) {
      String c = quote(u.update().get(i).name());
      ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = EXCLUDED.").sql(c);
    }
  }

  /**
   * An upsert as standard {@code MERGE}: {@code MERGE INTO t USING (VALUES (...), ...) AS s (cols)
   * ON (t.k = s.k) WHEN MATCHED THEN UPDATE SET c = s.c WHEN NOT MATCHED THEN INSERT (cols) VALUES
   * (s.cols)}.
   */
  protected void appendMerge(InsertQuery node, RenderContext ctx) {
    dev.sluice.sql.Upsert u = node.upsert();
    if (!node.returning().isEmpty()) {
      throw new UnsupportedByDialectException("RETURNING from an upsert (MERGE)", name());
    }
    String t = quote(node.table().name());
    ctx.sql("MERGE INTO ").sql(t).sql(" USING (VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (" : "(");
      list(node.rows().get(r), ctx);
      ctx.sql(')');
    }
    ctx.sql(") AS ").sql(quote("excluded")).sql(" (").sql(names(node.columns())).sql(") ON (");
    for (int i = 0; i < u.conflict().size(); i++) {
      String c = quote(u.conflict().get(i).name());
      ctx.sql(i > 0 ? " AND " : "").sql(t).sql('.').sql(c).sql(" = ").sql(quote("excluded"))
          .sql('.').sql(c);
    }
    ctx.sql(')');
    if (!u.doNothing()) {
      ctx.sql(" WHEN MATCHED THEN UPDATE SET ");
      for (int i = 0; i < u.update().size(); i++) {
        String c = quote(u.update().get(i).name());
        ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = ").sql(quote("excluded")).sql('.').sql(c);
      }
    }
    ctx.sql(" WHEN NOT MATCHED THEN INSERT (").sql(names(node.columns())).sql(") VALUES (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").sql(quote("excluded")).sql('.').sql(quote(node.columns().get(i).name()));
    }
    ctx.sql(')');
  }

  private String names(List<Column<?>> columns) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      s.append(i > 0 ? ", " : "").append(quote(columns.get(i).name()));
    }
    return s.toString();
  }

  /**
   * {@code UPDATE t SET c = v [FROM a, b] [WHERE ...] [RETURNING ...]}; with other tables to read,
   * values and filter are qualified. A dialect without {@code UPDATE ... FROM} overrides
   * {@link #appendUpdateFrom}.
   */
  @Override public void visitUpdate(UpdateQuery node, RenderContext ctx) {
    if (!node.from().isEmpty()) {
      appendUpdateFrom(node, ctx);
      return;
    }
    ctx.sql("UPDATE ").identifier(node.table().name()).sql(" SET ");
    appendAssignments(node.assignments(), false, ctx);
    where(node.where(), ctx);
    appendReturning(node.returning(), ctx);
  }

  /** The standard-style {@code UPDATE t SET c = v FROM a, b WHERE ...} (PostgreSQL, SQLite 3.33+, SQL Server). */
  protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    boolean previous = ctx.qualify(true);
    ctx.sql("UPDATE ").identifier(node.table().name()).sql(" SET ");
    appendAssignments(node.assignments(), false, ctx);
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
      a.value().accept(this, ctx);
    }
  }

  /** Appends {@code prefix} and the tables, comma-separated. */
  protected final void appendFromList(List<Table<?>> tables, String prefix, RenderContext ctx) {
    ctx.sql(prefix);
    for (int i = 0; i < tables.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      appendTable(tables.get(i), ctx);
    }
  }

  /**
   * {@code UPDATE ... FROM} for databases without it: each value becomes a correlated subquery over
   * the other tables and the filter an {@code EXISTS}: {@code UPDATE t SET c = (SELECT v FROM a WHERE
   * w) WHERE EXISTS (SELECT 1 FROM a WHERE w)}. A target row matched by more than one row of the other
   * tables is an error there, where UPDATE ... FROM would pick one of them silently.
   */
  protected final void appendUpdateFromAsSubqueries(UpdateQuery node, RenderContext ctx) {
    ctx.sql("UPDATE ").identifier(node.table().name()).sql(" SET ");
    for (int i = 0; i < node.assignments().size(); i++) {
      Assignment<?> a = node.assignments().get(i);
      ctx.sql(i > 0 ? ", " : "").identifier(a.column().name()).sql(" = ");
      subquery(over(node, a.value()), ctx);
    }
    ctx.sql(" WHERE EXISTS ");
    subquery(over(node, new RawSql<>("1", List.of(), ONE)), ctx);
    appendReturning(node.returning(), ctx);
  }

  private static final DataType<Integer> ONE = DataType.of(dev.sluice.schema.SqlKind.INTEGER, Integer.class);

  /** {@code SELECT value FROM <the update's other tables> WHERE <its filter>}. */
  private static SelectQuery over(UpdateQuery node, Expr<?> value) {
    SelectQuery q = SelectQuery.of(List.of(value), node.from().get(0)).withWhere(node.where());
    for (Table<?> t : node.from().subList(1, node.from().size())) {
      q = q.withJoin(new Join(dev.sluice.sql.JoinType.CROSS, t, null));
    }
    return q;
  }

  @Override public void visitDelete(DeleteQuery node, RenderContext ctx) {
    ctx.sql("DELETE FROM ").identifier(node.table().name());
    where(node.where(), ctx);
    appendReturning(node.returning(), ctx);
  }

  /** Appends {@code RETURNING cols}; throws where the database has no RETURNING. */
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
      appendSelectItem(returning.get(i).expr(), ctx);
    }
  }

  protected final void where(Condition where, RenderContext ctx) {
    if (where != null) {
      ctx.sql(" WHERE ");
      where.accept(this, ctx);
    }
  }

  protected final void list(List<? extends Expr<?>> exprs, RenderContext ctx) {
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      exprs.get(i).accept(this, ctx);
    }
  }

  // ---- DDL ----------------------------------------------------------------------------------

  /** The SQL type name of a column type, e.g. {@code character varying(256)}. */
  public String typeName(DataType<?> type) {
    return DdlRenderer.standardTypeName(type);
  }

  @Override public List<String> createTable(Table<?> table) {
    return new DdlRenderer(this).createTable(table);
  }

  @Override public List<String> dropTable(Table<?> table) {
    return new DdlRenderer(this).dropTable(table);
  }

  /** The DDL for a column's auto-increment, e.g. {@code SERIAL}; used by {@link DdlRenderer}. */
  protected String generatedColumnType(DataType<?> type) {
    return typeName(type) + " GENERATED BY DEFAULT AS IDENTITY";
  }

  /**
   * What a dialect appends to a column's definition to make the database keep its type's promise,
   * with a leading space (SQLite: a collation, a length check); nothing by default.
   */
  protected String columnConstraints(Column<?> column) {
    return "";
  }

  /** The inline clause of a one-column primary key, e.g. {@code PRIMARY KEY}; used by {@link DdlRenderer}. */
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

  /** Statements that create a named enum type before the tables using it (none by default). */
  protected List<String> createEnumType(dev.sluice.schema.EnumType<?> type) {
    return List.of();
  }

  /** Statements that drop a named enum type (none by default). */
  protected List<String> dropEnumType(dev.sluice.schema.EnumType<?> type) {
    return List.of();
  }

  // ---- errors -------------------------------------------------------------------------------

  @Override public SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    return ErrorTranslator.translate(classify(error), error, sql, revealBinds, constraintInfo(error));
  }

  /**
   * Classifies a driver error; the standard version reads the SQLSTATE, then the R2DBC exception
   * type, and tells a statement timeout from another cancel by the message.
   */
  protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    ErrorKind kind = state == null ? ErrorKind.OTHER : classifyState(state);
    if (kind == ErrorKind.OTHER) {
      kind = ErrorKind.fromDriverType(error);
    }
    if (kind == ErrorKind.QUERY_CANCELLED && String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT)
        .contains("timeout")) {
      return ErrorKind.QUERY_TIMEOUT;
    }
    return kind;
  }

  /** Classifies a SQLSTATE: the standard codes here ({@link ErrorKind#fromSqlState}); a dialect adds its own. */
  protected ErrorKind classifyState(String state) {
    return ErrorKind.fromSqlState(state);
  }

  /** What the driver error says about the broken constraint; the standard version knows nothing. */
  protected ConstraintInfo constraintInfo(Throwable error) {
    return ConstraintInfo.NONE;
  }
}
