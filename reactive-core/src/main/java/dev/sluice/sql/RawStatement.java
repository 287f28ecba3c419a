package dev.sluice.sql;

import java.util.Objects;

/**
 * A whole statement written in SQL: the raw-SQL escape hatch used as a query or a write. Its
 * {@code {0}}, {@code {1}}, ... placeholders are bound values or rendered fields, never concatenated
 * user input.
 *
 * @param sql   the template and its arguments
 * @param reads  whether it only reads (a SELECT): a cancelled read is abandoned, a cancelled write is
 *               drained inside a transaction so it cannot outlive the transaction's end
 * @param writes the names of the tables a write declared it changes, for the query cache; null when
 *               it did not declare them (it may then have written anything)
 */
public record RawStatement(RawSql<?> sql, boolean reads, java.util.Set<String> writes) implements Statement {
  public RawStatement {
    Objects.requireNonNull(sql, "sql");
    writes = writes == null ? null : java.util.Set.copyOf(writes);
  }

  /** A statement that declares nothing of what it writes. */
  public RawStatement(RawSql<?> sql, boolean reads) {
    this(sql, reads, null);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitRaw(sql, ctx); }
}
