package dev.sluice.error;

import java.util.List;

/**
 * An update by primary key found the row at another version than the one the record was read at
 * (another writer updated it first), or found no row with that key any more. Nothing was changed.
 * It is a {@link ConcurrencyFailureException}: a transaction run with
 * {@code RetryPolicy.onTransientFailures} reads the row again and retries.
 */
public class OptimisticLockException extends ConcurrencyFailureException {
  private final String table;
  private final List<Object> key;
  private final Object expectedVersion;

  public OptimisticLockException(String table, List<Object> key, Object expectedVersion, String sql) {
    super("Row of " + table + " with key " + key + " is no longer at version " + expectedVersion
        + ": it was changed or deleted since it was read", null, sql);
    this.table = table;
    this.key = List.copyOf(key);
    this.expectedVersion = expectedVersion;
  }

  /** The table of the row. */
  public String table() { return table; }

  /** The primary key values of the row, in key column order. */
  public List<Object> key() { return key; }

  /** The version the update expected to find. */
  public Object expectedVersion() { return expectedVersion; }
}
