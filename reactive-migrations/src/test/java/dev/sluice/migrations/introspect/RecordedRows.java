package dev.sluice.migrations.introspect;

import dev.sluice.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog rows as a server returned them, written down for mapping tests: one block per query,
 * its column labels, then its rows with the Java types the R2DBC driver hands over ({@code Short}
 * for SQL Server's {@code smallint}, {@code BigDecimal} for Oracle's {@code NUMBER}, ...).
 */
final class RecordedRows {
  private final Map<String, List<Row>> rows = new LinkedHashMap<>();
  private String query;
  private List<String> labels;

  /** Starts the rows of query {@code name}, whose columns are {@code labels}. */
  RecordedRows query(String name, String... labels) {
    this.query = name;
    this.labels = List.of(labels);
    rows.computeIfAbsent(name, k -> new ArrayList<>());
    return this;
  }

  /** One row of the current query, its values in label order. */
  RecordedRows row(Object... values) {
    if (values.length != labels.size()) {
      throw new IllegalArgumentException(query + ": " + values.length + " values for " + labels);
    }
    rows.get(query).add(Row.named(labels, values.clone()));
    return this;
  }

  Map<String, List<Row>> build() {
    return rows;
  }
}
