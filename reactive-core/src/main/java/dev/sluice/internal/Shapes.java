package dev.sluice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * The result shapes of one {@code Database}'s eager loads, made once per record class, table,
 * relations, aggregates and hook setting, not on every load: a {@link Shape} is read from its record
 * class by reflection and checked against the schema, and then never changes. Relations compare by
 * identity (a relation made afresh for every query, say with its own condition, makes a shape of its
 * own each time, as before); the cache is bounded, so such shapes are let go.
 */
final class Shapes {
  private static final int SIZE = 512;

  private record Key(Class<?> type, Table<?> table, List<Relation<?, ?>> relations, List<RelationTotal> totals,
      boolean hooks) {}

  private final Cache<Key, Shape> shapes = Caffeine.newBuilder().maximumSize(SIZE).build();

  /** The shape of {@code type} over {@code table}, as {@link Shape#of} makes it; a bad record fails as it does. */
  Shape of(Class<?> type, Table<?> table, List<Relation<?, ?>> relations, List<RelationTotal> totals,
      boolean hooks) {
    Key key = new Key(type, table, List.copyOf(relations), List.copyOf(totals), hooks);
    Shape shape = shapes.getIfPresent(key);
    if (shape == null) {
      shape = Shape.of(type, table, relations, totals, hooks);  // throws before anything is kept
      shapes.put(key, shape);
    }
    return shape;
  }
}
