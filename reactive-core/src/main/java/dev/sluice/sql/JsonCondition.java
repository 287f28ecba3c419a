package dev.sluice.sql;

import java.util.List;
import java.util.Objects;

/**
 * A test on a JSON document: whether it has a value at a path of keys ({@link Kind#HAS_PATH}), or
 * whether it contains another document ({@link Kind#CONTAINS}, PostgreSQL {@code @>}, MySQL
 * {@code JSON_CONTAINS}).
 *
 * @param document  the JSON document
 * @param kind      the test
 * @param keys      the path, for {@code HAS_PATH} (else empty)
 * @param candidate the bound JSON text, for {@code CONTAINS} (else null)
 */
public record JsonCondition(Expr<?> document, Kind kind, List<String> keys, Param<String> candidate)
    implements Condition {
  /** The test. */
  public enum Kind { HAS_PATH, CONTAINS }

  public JsonCondition {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(kind, "kind");
    keys = List.copyOf(keys);
    if (kind == Kind.HAS_PATH && keys.isEmpty()) {
      throw new IllegalArgumentException("A JSON path needs at least one key");
    }
    if (kind == Kind.CONTAINS) {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitJsonCondition(this, ctx); }
}
