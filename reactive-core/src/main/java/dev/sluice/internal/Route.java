package dev.sluice.internal;

import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;

/**
 * Where a statement may run when the database has read replicas ({@link ReplicaRouter}). Inside a
 * transaction (Sluice's or a joined outside one) every statement runs on the transaction's
 * connection, on the primary, whatever its route.
 */
enum Route {
  /**
   * May change data: INSERT, UPDATE, DELETE, RETURNING, DDL, and a raw statement not declared
   * read-only. The primary, and it opens the read-your-writes window of its Context.
   */
  WRITE,
  /** A read that must see the primary: a row lock ({@code FOR UPDATE}, ...), or pinned by {@code onPrimary()}. */
  PRIMARY_READ,
  /** A plain read: a replica, unless in the read-your-writes window (then the primary). */
  REPLICA_READ;

  /**
   * The route of {@code statement}: a SELECT without a row lock, a UNION of such, or a count is a
   * replica read; a raw statement is one only when {@code declaredReadOnly}.
   */
  static Route of(Statement statement, boolean declaredReadOnly) {
    if (statement instanceof SelectQuery q) {
      return q.lock() == LockMode.NONE ? REPLICA_READ : PRIMARY_READ;
    }
    if (statement instanceof CompoundSelect c) {
      return c.parts().stream().allMatch(p -> p.lock() == LockMode.NONE) ? REPLICA_READ : PRIMARY_READ;
    }
    if (statement instanceof CountQuery c) {
      return c.query().lock() == LockMode.NONE ? REPLICA_READ : PRIMARY_READ;
    }
    if (statement instanceof dev.sluice.sql.RawStatement) {
      return declaredReadOnly ? REPLICA_READ : WRITE;
    }
    return WRITE;
  }

  /** This route with reads pinned to the primary. */
  Route pinned() {
    return this == REPLICA_READ ? PRIMARY_READ : this;
  }
}
