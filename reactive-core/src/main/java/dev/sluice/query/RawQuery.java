package dev.sluice.query;

import dev.sluice.error.MappingException;
import dev.sluice.Row;
import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.RawStatement;
import dev.sluice.sql.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A whole statement in SQL, for what the typed builders do not cover. Placeholders {@code {0}},
 * {@code {1}}, ... take plain values (always bound, never concatenated), or columns and tables of the
 * schema (rendered as the dialect quotes them); {@code {{} is a literal brace. The template itself is written into the statement: it must come
 * from code, never from user input. It runs in the surrounding transaction like any other query.
 *
 * <pre>{@code
 * Flux<City> big = db.sql("SELECT * FROM {0} WHERE {1} = {2}", CITIES, CITIES.countryId, peru)
 *     .fetch(CITIES);                                   // mapped by column name to the table's record
 * Flux<Row> rows = db.sql("SELECT country_id, COUNT(*) AS n FROM cities GROUP BY country_id").fetch();
 * Long n = rows.blockFirst().get("n", Long.class);
 * Mono<Long> changed = db.sql("UPDATE cities SET name = upper(name) WHERE id = {0}", 7).execute();
 * }</pre>
 */
public final class RawQuery {
  private final Executor executor;
  private final RawSql<?> sql;
  private final boolean readOnly;
  private final java.util.Set<String> writes;

  /** Not meant to be called by users: start from {@code db.sql(...)}. */
  RawQuery(Executor executor, RawSql<?> sql) {
    this(executor, sql, false, null);
  }

  private RawQuery(Executor executor, RawSql<?> sql, boolean readOnly, java.util.Set<String> writes) {
    this.executor = executor;
    this.sql = sql;
    this.readOnly = readOnly;
    this.writes = writes;
  }

  /**
   * Declares the tables this statement writes, so that {@link #execute()} drops only their entries
   * from the query cache; an undeclared raw write may have written anything and drops the whole
   * cache. Declare every table it changes (triggers included): an undeclared one keeps stale entries.
   *
   * <pre>{@code
   * db.sql("UPDATE {0} SET name = upper(name) WHERE id = {1}", CITIES, 7).writes(CITIES).execute();
   * }</pre>
   */
  public RawQuery writes(Table<?>... tables) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Table<?> t : tables) {
      names.add(java.util.Objects.requireNonNull(t, "table").name());
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("writes(...) needs at least one table");
    }
    return new RawQuery(executor, sql, readOnly, names);
  }

  /**
   * This statement, declared to only read, so that {@code fetch} may run it on a read replica
   * (see {@code DatabaseBuilder.replicas}); an undeclared raw statement always runs on the primary.
   * Without replicas it changes nothing.
   */
  public RawQuery readOnly() {
    return new RawQuery(executor, sql, true, writes);
  }

  /** Streams the rows, read by column label: {@code row.get("n", Long.class)}, {@code row.get(CITIES.name)}. */
  public Flux<Row> fetch() {
    return executor.query(new RawStatement(sql, true), RowReaders.named(), executor.fetchSize(), readOnly);
  }

  /**
   * Streams the rows as {@code table}'s record: each of its columns is read from the result column
   * of the same name (ignoring case), as the column's type. A missing column fails the stream with
   * a {@link MappingException} naming it.
   */
  public <R> Flux<R> fetch(Table<R> table) {
    RecordMapping<R> mapping = table.meta().rowMapping();
    if (mapping == null) {
      return Flux.error(new MappingException("Table " + table.name() + " has no record row type"));
    }
    return executor.query(new RawStatement(sql, true), Readers.recordByName(mapping, table.name()),
        executor.fetchSize(), readOnly);
  }

  /** Runs the statement as a write and emits the number of rows it changed. */
  public Mono<Long> execute() {
    return executor.update(new RawStatement(sql, false, writes), true);
  }

  /** The SQL and binds in {@code dialect}. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(new RawStatement(sql, true));
  }
}
