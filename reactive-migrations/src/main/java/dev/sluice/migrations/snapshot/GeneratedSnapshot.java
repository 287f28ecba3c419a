package dev.sluice.migrations.snapshot;

import java.util.Objects;

/**
 * How the database computes a generated column ({@code generatedAlways(...)} in code).
 *
 * @param expression the expression, as SQL of the snapshot's dialect (a typed expression is rendered
 *                   by the dialect); read back from a live database, the server's own spelling
 * @param stored     true for {@code STORED}, false for {@code VIRTUAL}
 */
public record GeneratedSnapshot(String expression, boolean stored) {
  public GeneratedSnapshot {
    Objects.requireNonNull(expression, "expression");
  }
}
