package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.CommonTable;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Field;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import dev.sluice.sql.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the query builders behind {@link QueryStarts} (so behind {@link dev.sluice.Database} and
 * {@link CommonTables}); not part of the API.
 */
final class QueryFactory {
  /** The type of a whole raw statement: it has no single value. */
  private static final dev.sluice.schema.DataType<Object> STATEMENT =
      dev.sluice.schema.DataType.of(dev.sluice.schema.SqlKind.CUSTOM, Object.class);

  private final Executor executor;
  private final int maxRowsPerInsert;
  private final With with;
  private final WriteContext writes;

  QueryFactory(Executor executor, int maxRowsPerInsert, WriteContext writes) {
    this(executor, maxRowsPerInsert, null, writes);
  }

  private QueryFactory(Executor executor, int maxRowsPerInsert, With with, WriteContext writes) {
    this.executor = executor;
    this.maxRowsPerInsert = maxRowsPerInsert;
    this.with = with;
    this.writes = java.util.Objects.requireNonNull(writes, "writes");
  }

  /** A factory whose SELECTs start with {@code WITH ...} defining {@code table} as {@code query}. */
  QueryFactory with(Table<?> table, Statement query, boolean recursive) {
    CommonTable t = new CommonTable(table, query);
    return new QueryFactory(executor, maxRowsPerInsert,
        with == null ? With.of(t, recursive) : with.and(t, recursive), writes);
  }

  /** The executor the queries run on. */
  Executor executor() { return executor; }

  <R> SelectFrom<R> selectFrom(Table<R> table) {
    SelectFrom<R> s = SelectFrom.of(executor, table);
    return with == null ? s : s.copy(s.query.withWith(with), 0);
  }

  /** A whole raw SQL statement; see {@link RawQuery}. */
  RawQuery raw(String template, Object... args) {
    java.util.Objects.requireNonNull(template, "template");
    return new RawQuery(executor, new dev.sluice.sql.RawSql<>(template, Functions.args(args), STATEMENT));
  }

  <R> InsertInto<R> insertInto(Table<R> table) {
    refuseView(table, "INSERT INTO");
    return new InsertInto<>(executor, table, maxRowsPerInsert, writes);
  }

  <R> UpdateTable<R> update(Table<R> table) {
    refuseView(table, "UPDATE");
    table.meta();
    return new UpdateTable<>(executor, table, writes);
  }

  <R> DeleteFrom<R> deleteFrom(Table<R> table) {
    refuseView(table, "DELETE FROM");
    table.meta();
    return new DeleteFrom<>(executor, table, writes);
  }

  /** A view is read only: a write to one is refused here, before anything is built or sent. */
  static void refuseView(Table<?> table, String statement) {
    if (table instanceof dev.sluice.schema.View<?>) {
      throw new dev.sluice.error.IllegalUseException(statement + " " + table.name()
          + ": it is a view, which Sluice only reads; write to the tables it reads instead");
    }
  }

  <A> Select1<A> select(Field<A> a) { return new Select1<>(executor, query(a), 0); }

  <A, B> Select2<A, B> select(Field<A> a, Field<B> b) {
    return new Select2<>(executor, query(a, b), 0);
  }

  <A, B, C> Select3<A, B, C> select(Field<A> a, Field<B> b, Field<C> c) {
    return new Select3<>(executor, query(a, b, c), 0);
  }

  <A, B, C, D> Select4<A, B, C, D> select(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
    return new Select4<>(executor, query(a, b, c, d), 0);
  }

  <A, B, C, D, E> Select5<A, B, C, D, E> select(Field<A> a, Field<B> b, Field<C> c,
      Field<D> d, Field<E> e) {
    return new Select5<>(executor, query(a, b, c, d, e), 0);
  }

  <A, B, C, D, E, F> Select6<A, B, C, D, E, F> select(Field<A> a, Field<B> b, Field<C> c,
      Field<D> d, Field<E> e, Field<F> f) {
    return new Select6<>(executor, query(a, b, c, d, e, f), 0);
  }

  <A, B, C, D, E, F, G> Select7<A, B, C, D, E, F, G> select(Field<A> a, Field<B> b,
      Field<C> c, Field<D> d, Field<E> e, Field<F> f, Field<G> g) {
    return new Select7<>(executor, query(a, b, c, d, e, f, g), 0);
  }

  <A, B, C, D, E, F, G, H> Select8<A, B, C, D, E, F, G, H> select(Field<A> a, Field<B> b,
      Field<C> c, Field<D> d, Field<E> e, Field<F> f, Field<G> g, Field<H> h) {
    return new Select8<>(executor, query(a, b, c, d, e, f, g, h), 0);
  }

  /** A select list with the FROM table inferred when every field is a column of one table. */
  private SelectQuery query(Field<?>... fields) {
    List<Expr<?>> select = new ArrayList<>(fields.length);
    Table<?> from = null;
    boolean single = true;
    for (Field<?> f : fields) {
      Expr<?> e = f.expr();
      select.add(e);
      if (e instanceof ColumnExpr<?> c) {
        Table<?> t = c.column().table();
        single &= from == null || from == t;
        from = t;
      } else {
        single = false;
      }
    }
    return SoftDeletes.filtered(SelectQuery.of(select, single ? from : null)).withWith(with);
  }

}
