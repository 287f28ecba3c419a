package dev.sluice.internal;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.Connection;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code INSERT ... RETURNING} on a database without a RETURNING clause (its
 * {@link dev.sluice.spi.Capabilities#returning()} is false, e.g. MySQL): each row is inserted on
 * its own, the generated key is read through R2DBC's {@code Statement.returnGeneratedValues(key)}
 * (MySQL's {@code LAST_INSERT_ID()}), and the row is read back by primary key on the same
 * connection, so database defaults are filled in as well:
 *
 * <pre>{@code
 * INSERT INTO `users` (`full_name`) VALUES (?)            -- returnGeneratedValues("id")
 * SELECT `id`, `full_name`, `created_at` FROM `users` WHERE `id` = ?
 * }</pre>
 */
final class EmulatedReturning {
  private EmulatedReturning() {}

  static boolean applies(Dialect dialect, Statement statement) {
    return statement instanceof InsertQuery i && !i.returning().isEmpty()
        && !dialect.capabilities().returning();
  }

  static <T> Flux<T> run(StatementRunner runner, InsertQuery insert, RowReader<T> reader) {
    Table<?> table = insert.table();
    List<Column<?>> pk = table.meta().primaryKey();
    Column<?> generated = null;
    for (Column<?> c : pk) {
      if (!insert.columns().contains(c)) {
        if (generated != null || !c.hasDatabaseDefault()) {
          return Flux.error(unsupported(runner, table));
        }
        generated = c;
      }
    }
    if (pk.isEmpty()) {
      return Flux.error(unsupported(runner, table));
    }
    if (generated != null && insert.upsert() != null) {
      return Flux.error(new UnsupportedByDialectException("RETURNING from an upsert into "
          + table.name() + " whose key is generated (give the key)", runner.dialect().name()));
    }
    Column<?> key = generated;
    return runner.withConnection(true, c -> Flux.fromIterable(insert.rows())
        .concatMap(row -> insertAndRead(runner, c, insert, row, pk, key, reader)));
  }

  private static UnsupportedByDialectException unsupported(StatementRunner runner, Table<?> table) {
    return new UnsupportedByDialectException("INSERT ... RETURNING into " + table.name()
        + ", whose primary key is neither given nor one generated column", runner.dialect().name());
  }

  private static <T> Flux<T> insertAndRead(StatementRunner runner, Connection c, InsertQuery insert,
      List<Expr<?>> row, List<Column<?>> pk, Column<?> generated, RowReader<T> reader) {
    RenderedSql sql = runner.render(new InsertQuery(insert.table(), insert.columns(), List.of(row),
        List.of(), insert.upsert()), true);
    io.r2dbc.spi.Statement s = StatementRunner.bind(c.createStatement(sql.sql()), sql, runner.json());
    Mono<Object> key;
    if (generated == null) {
      key = Flux.from(s.execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated).then(Mono.empty());
    } else {
      s.returnGeneratedValues(generated.name());
      DataType<?> type = generated.dataType();
      key = Flux.from(s.execute()).concatMap(r -> r.map((k, meta) -> keyValue(k, type))).next();
    }
    return key.map(k -> List.of(new Param<>(k, type(generated))))
        .defaultIfEmpty(List.of())
        .onErrorMap(e -> runner.translate(e, sql))
        .flatMapMany(generatedKey -> readBack(runner, c, insert, row, pk, generatedKey, reader));
  }

  @SuppressWarnings("unchecked")
  private static DataType<Object> type(Column<?> column) {
    return column == null ? null : (DataType<Object>) column.dataType();
  }

  private static Object keyValue(io.r2dbc.spi.Row row, DataType<?> type) {
    Object v = row.get(0);
    if (v instanceof Number n) {
      Class<?> t = type.driverType();
      if (t == Integer.class) {
        return n.intValue();
      }
      if (t == Long.class) {
        return n.longValue();
      }
      if (t == Short.class) {
        return n.shortValue();
      }
    }
    return row.get(0, type.driverType());
  }

  private static <T> Flux<T> readBack(StatementRunner runner, Connection c, InsertQuery insert,
      List<Expr<?>> row, List<Column<?>> pk, List<Param<Object>> generatedKey, RowReader<T> reader) {
    List<Condition> match = new ArrayList<>(pk.size());
    for (Column<?> k : pk) {
      int i = insert.columns().indexOf(k);
      match.add(new Comparison(k.expr(), CompareOp.EQ, i >= 0 ? row.get(i) : generatedKey.get(0)));
    }
    List<Expr<?>> select = new ArrayList<>();
    insert.returning().forEach(col -> select.add(col.expr()));
    SelectQuery query = SelectQuery.of(select, insert.table())
        .withWhere(match.size() == 1 ? match.get(0) : new Logical(true, match));
    RenderedSql sql = runner.render(query, true);
    return ResultRows.of(StatementRunner.bind(c.createStatement(sql.sql()), sql, runner.json()).execute(),
            (r0, meta) -> reader.read(runner.adapt(r0)))
        .onErrorMap(e -> runner.translate(e, sql));
  }


}
