package dev.sluice.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The lifecycle hooks a table declares, read once into {@link TableMeta}, and how they run: hooks of
 * one kind in declaration order, each on what the previous one emitted. A hook that emits nothing
 * (or returns null) fails with an {@link IllegalStateException} naming it; a hook's own error is
 * passed on as it is. The builders ask {@code has...()} first, so a table without hooks pays one
 * field check.
 *
 * @param <R> the row record
 */
public final class TableHooks<R> {
  private final Named[] beforeInsert;
  private final Named[] beforeUpdate;
  private final Named[] beforeDelete;
  private final Named[] afterFetch;

  private record Named(String name, Function<Object, Mono<Object>> function) {}

  private TableHooks(Named[] beforeInsert, Named[] beforeUpdate, Named[] beforeDelete, Named[] afterFetch) {
    this.beforeInsert = beforeInsert;
    this.beforeUpdate = beforeUpdate;
    this.beforeDelete = beforeDelete;
    this.afterFetch = afterFetch;
  }

  static <R> TableHooks<R> of(Table<R> table, Map<Hook<?>, String> declared) {
    List<Map.Entry<Hook<?>, String>> sorted = new ArrayList<>(declared.entrySet());
    sorted.sort(Comparator.comparingInt(e -> e.getKey().order()));
    return new TableHooks<>(kind(table, sorted, Hook.Kind.BEFORE_INSERT), kind(table, sorted, Hook.Kind.BEFORE_UPDATE),
        kind(table, sorted, Hook.Kind.BEFORE_DELETE), kind(table, sorted, Hook.Kind.AFTER_FETCH));
  }

  private static Named[] kind(Table<?> table, List<Map.Entry<Hook<?>, String>> hooks, Hook.Kind kind) {
    List<Named> out = new ArrayList<>();
    for (Map.Entry<Hook<?>, String> e : hooks) {
      if (e.getKey().kind() == kind) {
        out.add(new Named(table.name() + "." + e.getValue(), e.getKey().function()));
      }
    }
    return out.isEmpty() ? null : out.toArray(Named[]::new);
  }

  /** True when the table declares any hook. */
  public boolean any() {
    return beforeInsert != null || beforeUpdate != null || beforeDelete != null || afterFetch != null;
  }

  /** True when the table declares a {@code beforeInsert} hook. */
  public boolean hasBeforeInsert() { return beforeInsert != null; }

  /** True when the table declares a {@code beforeUpdate} hook. */
  public boolean hasBeforeUpdate() { return beforeUpdate != null; }

  /** True when the table declares a {@code beforeDelete} hook. */
  public boolean hasBeforeDelete() { return beforeDelete != null; }

  /** True when the table declares an {@code afterFetch} hook. */
  public boolean hasAfterFetch() { return afterFetch != null; }

  /** The {@code beforeInsert} hooks run on {@code row}: the record to insert. */
  public Mono<R> beforeInsert(R row) { return run(beforeInsert, row, "beforeInsert"); }

  /** The {@code beforeUpdate} hooks run on {@code update}: the statement to send. */
  public Mono<PendingUpdate<R>> beforeUpdate(PendingUpdate<R> update) {
    return run(beforeUpdate, update, "beforeUpdate");
  }

  /** The {@code beforeDelete} hooks run on {@code delete}: the statement to send. */
  public Mono<PendingDelete<R>> beforeDelete(PendingDelete<R> delete) {
    return run(beforeDelete, delete, "beforeDelete");
  }

  /**
   * The {@code afterFetch} hooks run on a record read: the record the reader gets. Call it when the
   * record is there (inside {@code concatMap}): a single hook is applied at once.
   */
  @SuppressWarnings("unchecked")
  public Mono<R> afterFetch(R row) {
    Named[] hooks = afterFetch;
    return hooks != null && hooks.length == 1 ? (Mono<R>) one(hooks[0], row, "afterFetch")
        : run(hooks, row, "afterFetch");
  }

  @SuppressWarnings("unchecked")
  private static <T> Mono<T> run(Named[] hooks, T value, String what) {
    if (hooks == null) {
      return Mono.just(value);
    }
    Mono<Object> m = Mono.just(value);
    for (Named h : hooks) {
      m = m.flatMap(v -> {
        Mono<Object> next = h.function().apply(v);
        if (next == null) {
          return Mono.error(new IllegalStateException(what + " hook " + h.name() + " returned null"));
        }
        return next.switchIfEmpty(Mono.error(() -> new IllegalStateException(what + " hook " + h.name()
            + " emitted nothing: a hook must emit what goes on (or an error to stop)")));
      });
    }
    return (Mono<T>) m;
  }

  /**
   * One hook on {@code value}, applied now: {@link #afterFetch} is called from inside
   * {@code concatMap} or {@code flatMap}, when the record has been read. A hook answering with a value it already has
   * ({@code Mono.just(r)}) is read at once, so a stream of records does not pay an inner
   * subscription and an empty check per record.
   */
  @SuppressWarnings("unchecked")
  private static Mono<Object> one(Named h, Object value, String what) {
    Mono<Object> next;
    try {
      next = h.function().apply(value);
    } catch (RuntimeException e) {
      return Mono.error(e);
    }
    if (next == null) {
      return Mono.error(new IllegalStateException(what + " hook " + h.name() + " returned null"));
    }
    if (next instanceof reactor.core.Fuseable.ScalarCallable<?> scalar) {
      Object v;
      try {
        v = scalar.call();
      } catch (Exception e) {
        return Mono.error(e);
      }
      return v != null ? Mono.just(v) : Mono.error(emptyHook(h, what));
    }
    return next.switchIfEmpty(Mono.error(() -> emptyHook(h, what)));
  }

  private static IllegalStateException emptyHook(Named h, String what) {
    return new IllegalStateException(what + " hook " + h.name()
        + " emitted nothing: a hook must emit what goes on (or an error to stop)");
  }
}
