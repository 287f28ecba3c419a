package dev.sluice.query;

import dev.sluice.error.OptimisticLockException;
import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.UpdateQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * An update of one row by its primary key, from a whole record: every non-key column is written.
 * On a table with a {@code version()} column the row only matches while it is at the record's
 * version, and the version goes up by one; a row changed (or deleted) since the record was read
 * fails the update with {@link OptimisticLockException}, and nothing is written.
 *
 * <pre>{@code
 * db.update(ACCOUNTS).byKey(account).execute();
 * // PostgreSQL: UPDATE "accounts" SET "owner" = $1, "balance" = $2, "version" = ("version" + $3)
 * //             WHERE "id" = $4 AND "version" = $5
 * }</pre>
 *
 * @param <R> the row record
 */
public final class KeyedUpdate<R> {
  private final Executor executor;
  private final Table<R> table;
  private final UpdateQuery query;
  private final List<Object> key;
  private final Object version;
  private final R record;
  private final Condition match;
  private final WriteContext writes;
  private final boolean hooks;

  private KeyedUpdate(KeyedUpdate<R> of, boolean hooks) {
    this.executor = of.executor;
    this.table = of.table;
    this.query = of.query;
    this.key = of.key;
    this.version = of.version;
    this.record = of.record;
    this.match = of.match;
    this.writes = of.writes;
    this.hooks = hooks;
  }

  KeyedUpdate(Executor executor, Table<R> table, R record, WriteContext writes) {
    this.executor = executor;
    this.table = table;
    this.record = record;
    this.writes = writes;
    this.hooks = true;
    List<Column<?>> pk = table.meta().primaryKey();
    if (pk.isEmpty()) {
      throw new IllegalArgumentException("An update by key needs a primary key: table " + table.name()
          + " has none");
    }
    RecordMapping<R> m = InsertRows.mapping(table);
    List<Condition> match = new ArrayList<>(pk.size() + 1);
    List<Object> keyValues = new ArrayList<>(pk.size());
    for (Column<?> c : pk) {
      Object v = m.get(record, m.columns().indexOf(c));
      if (v == null) {
        throw new IllegalArgumentException("The record's key " + c + " is null: an update by key needs it");
      }
      keyValues.add(v);
      match.add(Saves.keyEquals(c, v));
    }
    Column<?> versionColumn = table.meta().version();
    Object v = null;
    if (versionColumn != null) {
      v = m.get(record, m.columns().indexOf(versionColumn));
      if (v == null) {
        throw new IllegalArgumentException("The record's version " + versionColumn + " is null: "
            + "update a row read from the database, or insert the record");
      }
      match.add(Saves.keyEquals(versionColumn, v));
    }
    this.key = List.copyOf(keyValues);
    this.version = v;
    this.match = Dsl.and(match.toArray(Condition[]::new));
    this.query = new UpdateQuery(table, Stamps.onUpdate(table, RecordAssignments.of(table, record, false), writes.clock()),
        this.match, List.of());
  }

  /** This update without the table's {@code beforeUpdate} hooks (the validator still checks its values). */
  public KeyedUpdate<R> withoutHooks() {
    return new KeyedUpdate<>(this, false);
  }

  /**
   * Runs the update and emits the number of rows changed (1, or 0 for a missing row of a table
   * without a version); on a versioned table, 0 rows is an {@link OptimisticLockException}. The
   * table's {@code beforeUpdate} hooks see the statement with the record ({@code PendingUpdate.record()})
   * and the database's validator its values first.
   */
  public Mono<Long> execute() {
    if (!ModelChecks.neededOnUpdate(table, writes, hooks)) {
      return run(query);
    }
    return Mono.defer(() -> ModelChecks.beforeUpdate(new dev.sluice.schema.PendingUpdate<>(table,
            RecordAssignments.of(table, record, false), match, record), writes, hooks))
        .flatMap(u -> run(new UpdateQuery(table, Stamps.onUpdate(table, u.assignments(), writes.clock()),
            u.where(), List.of())));
  }

  private Mono<Long> run(UpdateQuery query) {
    return Mono.defer(() -> executor.update(query, true).flatMap(n -> {
      if (n == 0 && version != null) {
        return Mono.error(new OptimisticLockException(table.name(), key, version,
            executor.render(query, true).sql()));
      }
      return Mono.just(n);
    }));
  }

  /** The SQL this update renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query);
  }
}
