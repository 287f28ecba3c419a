package dev.sluice.internal;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InList;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.Param;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Eager relation loading without N+1: the parents stream in windows; for each window and each
 * relation, one {@code WHERE key IN (...)} query fetches the related rows of the whole window,
 * which are grouped by key, loaded further (nested relations) the same way, and attached.
 */
public final class RelationLoader {
  private static final Object[] NO_RELATIONS = new Object[0];

  private final Executor executor;
  private final int window;

  public RelationLoader(Executor executor, int window) {
    this.executor = executor;
    this.window = window;
  }

  /**
   * Streams {@code parents} (a query selecting every column of {@code table}, in table order) as
   * records of {@code type} with {@code relations} attached.
   */
  public <X> Flux<X> load(SelectQuery parents, Table<?> table, List<Relation<?, ?>> relations,
      Class<X> type, int fetchSize) {
    return Flux.defer(() -> {
      Shape shape = Shape.of(type, table, relations);
      DataType<?>[] types = Readers.types(parents.select());
      Flux<Object[]> rows = executor.query(parents, row -> Readers.values(row, types), fetchSize);
      // Inside a transaction there is one connection: the parent query must finish before the
      // related queries can run on it, so its rows are read first.
      Flux<List<Object[]>> windows = executor.inTransactionNow().flatMapMany(inTx -> inTx
          ? rows.collectList().flatMapIterable(all -> partition(all, window))
          : rows.buffer(window));
      return windows.concatMap(w -> assemble(shape, w)).concatMapIterable(list -> list)
          .map(type::cast);
    });
  }

  /** Builds the records of one window: one query per relation, then recursion for nested ones. */
  private Mono<List<Object>> assemble(Shape shape, List<Object[]> rows) {
    List<Shape.Slot> slots = shape.relationSlots();
    if (slots.isEmpty()) {
      List<Object> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(shape.build(r, NO_RELATIONS)));
      return Mono.just(out);
    }
    int[] keyIndex = new int[slots.size()];
    for (int i = 0; i < keyIndex.length; i++) {
      keyIndex[i] = shape.table.columns().indexOf(slots.get(i).relation().ownerKey());
    }
    return Flux.fromIterable(slots).concatMap(slot -> related(shape.table, slot, rows))
        .collectList()
        .map(perRelation -> {
          List<Object> out = new ArrayList<>(rows.size());
          for (Object[] row : rows) {
            Object[] rel = new Object[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
              Relation<?, ?> r = slots.get(i).relation();
              Object key = row[keyIndex[i]];
              List<Object> found = key == null ? List.of() : perRelation.get(i).getOrDefault(key, List.of());
              if (r.limit() > 0 && found.size() > r.limit()) {
                found = found.subList(0, r.limit());
              }
              rel[i] = r.single() ? (found.isEmpty() ? null : found.get(0)) : List.copyOf(found);
            }
            out.add(shape.build(row, rel));
          }
          return out;
        });
  }

  /** The related records of a window, grouped by the parent key they belong to. */
  private Mono<Map<Object, List<Object>>> related(Table<?> table, Shape.Slot slot, List<Object[]> rows) {
    Relation<?, ?> rel = slot.relation();
    int keyIndex = table.columns().indexOf(rel.ownerKey());
    Set<Object> keys = new LinkedHashSet<>();
    for (Object[] r : rows) {
      if (r[keyIndex] != null) {
        keys.add(r[keyIndex]);
      }
    }
    if (keys.isEmpty()) {
      return Mono.just(Map.of());
    }
    Table<?> target = rel.target();
    List<Expr<?>> select = new ArrayList<>();
    target.columns().forEach(c -> select.add(c.expr()));
    Column<?> keyColumn = rel.targetKey();
    // The key is one of the target's own columns, except for a many-to-many, where it is the join
    // table's: then it is selected after the target's columns (the shapes only read the first ones).
    int keyAt = keyColumn.table() == target ? target.columns().indexOf(keyColumn) : -1;
    if (keyAt < 0) {
      keyAt = select.size();
      select.add(keyColumn.expr());
    }
    List<Expr<?>> params = new ArrayList<>(keys.size());
    for (Object k : keys) {
      params.add(param(keyColumn, k));
    }
    Condition where = new InList(keyColumn.expr(), params, false);
    if (rel.where() != null) {
      where = dev.sluice.sql.Logical.of(true, where, rel.where());
    }
    Column<?> deletedAt = target.meta().deletedAt();
    if (deletedAt != null) {
      where = dev.sluice.sql.Logical.of(true, where, new dev.sluice.sql.NullCheck(deletedAt.expr(), false));
    }
    SelectQuery q = SelectQuery.of(select, target).withWhere(where).withOrderBy(rel.orderBy());
    if (rel.kind() == Relation.Kind.MANY_TO_MANY) {
      Column<?> toTarget = rel.throughTargetColumn();
      q = q.withJoin(new Join(JoinType.INNER, keyColumn.table(),
          new Comparison(toTarget.expr(), CompareOp.EQ, toTarget.referencedColumn().expr())));
    }
    DataType<?>[] types = Readers.types(select);
    int key = keyAt;
    Shape child = slot.child();
    Flux<Object[]> childRows = executor.query(q, r -> Readers.values(r, types), 0);
    if (child.relationSlots().isEmpty()) {
      // No nested relations: each row becomes its record as it arrives, nothing is held but the records.
      return childRows.collect(HashMap::new, (Map<Object, List<Object>> byKey, Object[] row) ->
          byKey.computeIfAbsent(row[key], k -> new ArrayList<>()).add(child.build(row, NO_RELATIONS)));
    }
    return childRows.collectList()
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

  @SuppressWarnings("unchecked")
  private static <T> Param<T> param(Column<T> column, Object value) {
    return new Param<>((T) value, column.dataType());
  }

  private static <T> List<List<T>> partition(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
