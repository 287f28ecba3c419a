package dev.sluice.sql;

import java.util.List;

/**
 * SQL text and its bound values, produced together in one pass so they cannot drift apart.
 *
 * @param sql   the statement text with the dialect's bind markers
 * @param binds the values, in marker order
 */
public record RenderedSql(String sql, List<Bind> binds) {
  public RenderedSql {
    binds = List.copyOf(binds);
  }

  /** The bound values alone, for assertions and logs. */
  public List<Object> values() {
    return binds.stream().map(Bind::value).toList();
  }

  @Override public String toString() { return sql; }
}
