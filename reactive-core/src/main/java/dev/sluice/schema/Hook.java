package dev.sluice.schema;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A lifecycle hook of a table, declared as a {@code public final} field with one of the table's
 * factories ({@code beforeInsert}, {@code beforeUpdate}, {@code beforeDelete}, {@code afterFetch}).
 * Hooks of one kind run one after the other, in declaration order, each on what the one before
 * emitted; an error or an empty {@code Mono} aborts the statement before anything is sent.
 *
 * <pre>{@code
 * public final Hook<User> lowerEmail = beforeInsert(u -> Mono.just(u.withEmail(u.email().toLowerCase())));
 * public final Hook<User> onlyOpen   = beforeUpdate(u -> Mono.just(u.and(isNull(USERS.closedAt))));
 * }</pre>
 *
 * @param <R> the row record of the table
 */
public final class Hook<R> {
  /** When a hook runs. */
  public enum Kind {
    /** On each record inserted (one row, many rows, a stream of rows, {@code save}, upserts). */
    BEFORE_INSERT,
    /** Once per UPDATE statement, on the statement ({@link PendingUpdate}), never per row. */
    BEFORE_UPDATE,
    /** Once per DELETE statement (or soft delete), on the statement ({@link PendingDelete}). */
    BEFORE_DELETE,
    /**
     * On each row record a read builds: {@code selectFrom(table)}, a row record nested in a result
     * record, relation loads, joined rows; never on a partial record.
     */
    AFTER_FETCH
  }

  private final Table<R> table;
  private final Kind kind;
  private final int order;
  private final Function<Object, Mono<Object>> function;

  @SuppressWarnings("unchecked")
  Hook(Table<R> table, Kind kind, int order, Function<?, ? extends Mono<?>> function) {
    this.table = table;
    this.kind = kind;
    this.order = order;
    this.function = (Function<Object, Mono<Object>>) (Function<?, ?>) java.util.Objects.requireNonNull(function, "hook");
  }

  /** The table that declares the hook. */
  public Table<R> table() { return table; }

  /** When it runs. */
  public Kind kind() { return kind; }

  int order() { return order; }

  Function<Object, Mono<Object>> function() { return function; }

  @Override public String toString() { return kind + " hook of " + table.name(); }
}
