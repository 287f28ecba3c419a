package dev.sluice.migrations.introspect;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An introspector in two halves that can be tested apart: a fixed list of named catalog queries
 * ({@link #queries()}, golden-tested text) and a pure function from their rows to a snapshot
 * ({@link #map}), fed recorded catalog rows in unit tests. {@link #snapshot} runs the queries one
 * after the other on the reactive {@link Database} and maps what they return.
 */
abstract class CatalogIntrospector implements Introspector {

  /** The catalog queries by name, in the order they run. */
  abstract Map<String, String> queries();

  /**
   * The snapshot that the rows of {@link #queries()} (by query name) describe, without the tables in
   * {@code excluded}. Pure: no database, no state.
   */
  abstract SchemaSnapshot map(Map<String, List<Row>> rows, Set<String> excluded);

  @Override public final Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded) {
    // one query after the other: the catalog read takes one connection at a time
    return Flux.fromIterable(queries().entrySet())
        .concatMap(q -> db.sql(q.getValue()).fetch().collectList().map(rows -> Map.entry(q.getKey(), rows)))
        .collectList()
        .map(results -> {
          Map<String, List<Row>> rows = new LinkedHashMap<>();
          results.forEach(r -> rows.put(r.getKey(), r.getValue()));
          return map(rows, excluded);
        });
  }

  /** The rows of query {@code name}, empty when it returned none. */
  static List<Row> rows(Map<String, List<Row>> rows, String name) {
    return rows.getOrDefault(name, List.of());
  }
}
