package dev.sluice.migrations.introspect;

import dev.sluice.Row;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test access to the package-private catalog introspectors, for the live catalog ITs of other packages. */
public final class CatalogAccess {
  private CatalogAccess() { }

  /** CockroachDB's catalog queries by name. */
  public static Map<String, String> cockroachQueries() {
    return new CockroachIntrospector().queries();
  }

  /** CockroachDB's mapping of catalog rows to a snapshot. */
  public static SchemaSnapshot cockroachMap(Map<String, List<Row>> rows, Set<String> excluded) {
    return new CockroachIntrospector().map(rows, excluded);
  }
}
