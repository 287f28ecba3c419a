package dev.sluice.sql;

import java.util.List;

/**
 * {@code SELECT ... UNION [ALL] | INTERSECT | EXCEPT SELECT ... [ORDER BY] [LIMIT/OFFSET]}.
 *
 * @param parts   the member queries (no ORDER BY or paging of their own)
 * @param ops     the operator before each part after the first ({@code parts.size() - 1} of them)
 * @param orderBy ordering of the combined rows, by the first part's output columns
 * @param limit   bound row limit, or null
 * @param offset  bound offset, or null
 */
public record CompoundSelect(List<SelectQuery> parts, List<SetOp> ops, List<OrderItem> orderBy,
                             Param<Long> limit, Param<Long> offset) implements Statement {

  /** Set operators. */
  public enum SetOp {
    UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), EXCEPT("EXCEPT");

    private final String sql;

    SetOp(String sql) { this.sql = sql; }

    public String sql() { return sql; }
  }

  public CompoundSelect {
    parts = List.copyOf(parts);
    ops = List.copyOf(ops);
    orderBy = List.copyOf(orderBy);
    if (ops.size() != parts.size() - 1) {
      throw new IllegalArgumentException(parts.size() + " parts need " + (parts.size() - 1) + " operators");
    }
    for (SelectQuery p : parts) {
      if (!p.orderBy().isEmpty() || p.limit() != null || p.offset() != null) {
        throw new IllegalArgumentException("A part of a UNION/INTERSECT/EXCEPT cannot have its own "
            + "ORDER BY, limit or offset; order and page the combined query instead");
      }
      if (p.select().size() != parts.get(0).select().size()) {
        throw new IllegalArgumentException("Every part must select " + parts.get(0).select().size()
            + " values; one selects " + p.select().size());
      }
    }
  }

  /**
   * A view of this compound as a select for paging hooks: its first part with the compound's
   * ordering and paging.
   */
  public SelectQuery paging() {
    return parts.get(0).withOrderBy(orderBy).withLimit(limit).withOffset(offset);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitCompound(this, ctx); }
}
