package dev.sluice.internal;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Eager relation loading without N+1: the parents stream in windows; for each window and each
 * relation, one {@code WHERE key IN (...)} query fetches the related rows of the whole window,
 * which are grouped by key, loaded further (nested relations) the same way, and attached. The
 * aggregates of one relation ({@code withCount}, {@code withMax}, ...) are one grouped query per
 * window. Each statement selects only the columns the result record reads, plus the keys.
 */
public final class RelationLoader {
  private final Executor executor;
  private final int window;
  private final Caching caching;

  public RelationLoader(Executor executor, int window) {
    this(executor, window, null);
  }

  /** A loader whose statements go through the query cache as {@code caching} says (null: not cached). */
  public RelationLoader(Executor executor, int window, Caching caching) {
    this.executor = executor;
    this.window = window;
    this.caching = caching;
  }

  /** How the statements of a cached load are kept: for {@code ttl} (null: the cache's default), with {@code tags}. */
  public record Caching(java.time.Duration ttl, java.util.Set<String> tags) { }

  /** The rows of one statement of the load: from the database, or through the query cache. */
  private Flux<Object[]> rows(dev.sluice.sql.Statement q, RowReader<Object[]> reader, int fetchSize) {
    if (caching == null) {
      return executor.query(q, reader, fetchSize);
    }
    return executor.cachedQuery(q, reader, fetchSize, caching.ttl(), caching.tags()).flatMapIterable(l -> l);
  }

  /**
   * The rows of a relation batch, which the load gathers whole (grouped by parent key) before it
   * emits a record: read in one execution where the driver would otherwise use a cursor.
   */
  private Flux<Object[]> gathered(dev.sluice.sql.Statement q, RowReader<Object[]> reader) {
    if (caching == null) {
      return executor.queryGathered(q, reader);
    }
    return rows(q, reader, 0);  // a cached read gathers its rows whole already
  }

  /** {@link #gathered} as one list, read in one operator where nothing wraps the statement. */
  private Mono<List<Object[]>> gatheredList(SelectQuery q, RowReader<Object[]> reader) {
    if (caching == null) {
      return executor.fetchGathered(q, reader);
    }
    return rows(q, reader, 0).collectList();
  }

  /**
   * Streams the rows of {@code parents} (a query on {@code table}; its select list is replaced by
   * the columns {@code type} reads) as records of {@code type} with {@code relations} and
   * {@code totals} attached, running the {@code afterFetch} hooks on every row record built.
   */
  public <X> Flux<X> load(SelectQuery parents, Table<?> table, List<Relation<?, ?>> relations,
      List<RelationTotal> totals, Class<X> type, int fetchSize) {
    return load(parents, table, relations, totals, type, fetchSize, true);
  }

  /**
   * {@link #load(SelectQuery, Table, List, List, Class, int)}; without {@code hooks}, no
   * {@code afterFetch} hook runs, on the parents or on the related records.
   */
  public <X> Flux<X> load(SelectQuery parents, Table<?> table, List<Relation<?, ?>> relations,
      List<RelationTotal> totals, Class<X> type, int fetchSize, boolean hooks) {
    return load(parents, table, relations, totals, type, fetchSize, hooks, false);
  }

  /**
   * {@link #load(SelectQuery, Table, List, List, Class, int, boolean)} as one list: the parents are
   * read whole, in one execution ({@link Executor#fetchGathered}), and their connection is given back
   * before the first related query runs.
   */
  public <X> Mono<List<X>> loadList(SelectQuery parents, Table<?> table, List<Relation<?, ?>> relations,
      List<RelationTotal> totals, Class<X> type, boolean hooks) {
    return load(parents, table, relations, totals, type, 0, hooks, true).collectList();
  }

  private <X> Flux<X> load(SelectQuery parents, Table<?> table, List<Relation<?, ?>> relations,
      List<RelationTotal> totals, Class<X> type, int fetchSize, boolean hooks, boolean whole) {
    return Flux.defer(() -> {
      Shape shape = executor.shapes().of(type, table, relations, totals, hooks);
      List<Expr<?>> select = exprs(shape.selected);
      ValueTypes types = Readers.types(select);
      SelectQuery q = parents.withSelect(select);
      RowReader<Object[]> reader = row -> types.values(row);
      Mono<List<Object[]>> parentList = whole ? gatheredList(q, reader) : null;
      Flux<Object[]> rows = whole ? parentList.flatMapIterable(all -> all) : rows(q, reader, fetchSize);
      if (!shape.needsMore()) {
        return shape.hooked() ? rows.concatMap(r -> shape.buildHooked(r, null)).map(type::cast)
            : rows.map(r -> type.cast(shape.build(r, null)));
      }
      // Inside a transaction there is one connection: the parent query must finish before the
      // related queries can run on it, so its rows are read first; so they are when gathered whole.
      Flux<List<Object[]>> windows = whole ? parentList.flatMapIterable(all -> partition(all, listWindow()))
          : executor.inTransactionNow().flatMapMany(inTx -> inTx
              ? rows.collectList().flatMapIterable(all -> partition(all, window))
              : rows.buffer(window));
      return windows.concatMap(w -> assemble(shape, w)).concatMapIterable(list -> list)
          .map(type::cast);
    });
  }

  /**
   * The window of a load read as one list: its parents and related rows are all held anyway, so a
   * window only has to keep a statement's keys within what the database binds, a quarter of
   * {@code maxBindParameters} (PostgreSQL binds them as one array anyway), never less than the
   * streaming window.
   */
  private int listWindow() {
    return Math.max(window, executor.dialect().capabilities().maxBindParameters() / 4);
  }

  /**
   * Builds the records of one window: one query per relation and one per relation with
   * aggregates, one after the other, then recursion for nested relations.
   */
  @SuppressWarnings("unchecked")
  private Mono<List<Object>> assemble(Shape shape, List<Object[]> rows) {
    List<Shape.Slot> slots = shape.slots;
    List<Mono<Object>> steps = new ArrayList<>();
    int[] step = new int[slots.size()];   // which step's result fills slot i
    int[] position = new int[slots.size()]; // for an aggregate: its place in the step's values
    Map<Relation<?, ?>, List<RelationTotal>> groups = new LinkedHashMap<>();
    Map<Relation<?, ?>, Integer> groupStep = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      Shape.Slot s = slots.get(i);
      if (s.kind() == Shape.Kind.RELATION) {
        step[i] = steps.size();
        steps.add((Mono<Object>) (Mono<?>) related(shape, s, rows));
      } else if (s.kind() == Shape.Kind.AGGREGATE) {
        List<RelationTotal> group = groups.computeIfAbsent(s.relation(), r -> new ArrayList<>());
        Integer at = groupStep.get(s.relation());
        if (at == null) {
          at = steps.size();
          groupStep.put(s.relation(), at);
          steps.add(null);   // filled below, once the group is complete
        }
        step[i] = at;
        position[i] = group.size();
        group.add(s.total());
      }
    }
    groups.forEach((rel, group) -> steps.set(groupStep.get(rel),
        (Mono<Object>) (Mono<?>) totals(shape, rel, group, rows)));
    return Flux.fromIterable(steps).concatMap(m -> m).collectList().flatMap(results -> {
      List<Object[]> extrasOfRows = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        Object[] extras = new Object[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
          Shape.Slot s = slots.get(i);
          if (s.kind() == Shape.Kind.RELATION) {
            extras[i] = attach(s.relation(), row[shape.selected.indexOf(s.relation().ownerKey())],
                (Map<Object, List<Object>>) results.get(step[i]));
          } else if (s.kind() == Shape.Kind.AGGREGATE) {
            Object key = row[shape.selected.indexOf(s.relation().ownerKey())];
            Object[] values = key == null ? null : ((Map<Object, Object[]>) results.get(step[i])).get(key);
            extras[i] = values == null ? s.total().empty() : values[position[i]];
          }
        }
        extrasOfRows.add(extras);
      }
      if (shape.hooked()) {
        return Flux.range(0, rows.size()).concatMap(i -> shape.buildHooked(rows.get(i), extrasOfRows.get(i)))
            .collectList();
      }
      List<Object> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        out.add(shape.build(rows.get(i), extrasOfRows.get(i)));
      }
      return Mono.just(out);
    });
  }

  /** The value of a relation component for a parent's key: a list, or one record or null. */
  private static Object attach(Relation<?, ?> r, Object key, Map<Object, List<Object>> byKey) {
    List<Object> found = key == null ? List.of() : byKey.getOrDefault(key, List.of());
    if (r.limit() > 0 && found.size() > r.limit()) {
      found = found.subList(0, r.limit());
    }
    return r.single() ? (found.isEmpty() ? null : found.get(0)) : List.copyOf(found);
  }

  /** The distinct non-null values of {@code key} in the window's rows. */
  private static Set<Object> keys(Shape shape, Column<?> key, List<Object[]> rows) {
    int at = shape.selected.indexOf(key);
    Set<Object> keys = new LinkedHashSet<>();
    for (Object[] r : rows) {
      if (r[at] != null) {
        keys.add(r[at]);
      }
    }
    return keys;
  }

  /** The related records of a window, grouped by the parent key they belong to. */
  private Mono<Map<Object, List<Object>>> related(Shape parent, Shape.Slot slot, List<Object[]> rows) {
    Relation<?, ?> rel = slot.relation();
    Set<Object> keys = keys(parent, rel.ownerKey(), rows);
    if (keys.isEmpty()) {
      return Mono.just(Map.of());
    }
    Shape child = slot.child();
    SelectQuery q = RelationQueries.related(rel, child.selected, keys);
    int key = RelationQueries.keyIndex(rel, child.selected);
    ValueTypes types = Readers.types(q.select());
    RowReader<Object[]> reader = r -> types.values(r);
    if (!child.needsMore()) {
      // Nothing nested: the batch's rows come as one list (one operator from the driver), then each
      // becomes its record; with afterFetch hooks, each row becomes its record as it arrives.
      if (child.hooked()) {
        return gathered(q, reader).concatMap(row -> child.buildHooked(row, null).map(r -> Map.entry(row[key], r)))
            .collect(HashMap::new, (Map<Object, List<Object>> byKey, Map.Entry<Object, Object> e) ->
                byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      }
      return gatheredList(q, reader).map(all -> {
        Map<Object, List<Object>> byKey = new HashMap<>();
        for (Object[] row : all) {
          byKey.computeIfAbsent(row[key], k -> new ArrayList<>()).add(child.build(row, null));
        }
        return byKey;
      });
    }
    return gatheredList(q, reader)
        .flatMap(all -> Flux.fromIterable(partition(all, window)).concatMap(w -> assemble(child, w))
            .concatMapIterable(list -> list).collectList()
            .map(children -> {
              Map<Object, List<Object>> byKey = new HashMap<>();
              for (int i = 0; i < children.size(); i++) {
                byKey.computeIfAbsent(all.get(i)[key], k -> new ArrayList<>()).add(children.get(i));
              }
              return byKey;
            }));
  }

  /** The aggregates of one relation for a window: per parent key, the values in {@code group}'s order. */
  private Mono<Map<Object, Object[]>> totals(Shape parent, Relation<?, ?> rel, List<RelationTotal> group,
      List<Object[]> rows) {
    Set<Object> keys = keys(parent, rel.ownerKey(), rows);
    if (keys.isEmpty()) {
      return Mono.just(Map.of());
    }
    List<Expr<?>> aggregates = new ArrayList<>(group.size());
    group.forEach(t -> aggregates.add(t.expr()));
    SelectQuery q = RelationQueries.totals(rel, aggregates, keys);
    ValueTypes types = Readers.types(q.select());
    return gatheredList(q, r -> types.values(r)).map(all -> {
      Map<Object, Object[]> byKey = new HashMap<>();
      for (Object[] row : all) {
        byKey.put(row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      return byKey;
    });
  }

  private static List<Expr<?>> exprs(List<Column<?>> columns) {
    List<Expr<?>> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(c.expr()));
    return out;
  }

  private static <T> List<List<T>> partition(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
