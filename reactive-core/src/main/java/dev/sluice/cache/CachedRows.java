package dev.sluice.cache;

import java.util.List;

/**
 * The result of one cached query as the driver gave it: for each row, the values its reader took,
 * recorded by {@link CapturedRow}. On a hit the same reader maps these rows again, so a cached read
 * yields values equal to the database read's, of the same classes, whatever the row type (records,
 * projections, joined tuples), and a caller can never change what the cache holds.
 *
 * <p>A cache that keeps entries in memory holds the object itself; one that keeps them elsewhere
 * stores {@link #toBytes()} and reads them back with {@link #fromBytes(byte[])}, an exact round
 * trip (see {@code RowsCodec}'s closed set of types; anything else is refused with
 * {@link dev.sluice.error.UncacheableValueException}, and the result is then not cached). Immutable.
 */
public final class CachedRows {
  private final List<CapturedRow> rows;

  private CachedRows(List<CapturedRow> rows) {
    this.rows = rows;
  }

  /** The result made of these rows, each frozen (used by the executor once a read completes). */
  public static CachedRows of(List<CapturedRow> rows) {
    rows.forEach(CapturedRow::freeze);
    return new CachedRows(List.copyOf(rows));
  }

  /** The rows, to be read again by the query's reader. */
  public List<CapturedRow> rows() {
    return rows;
  }

  /** How many rows. */
  public int size() {
    return rows.size();
  }

  /** This result in Sluice's cache format. */
  public byte[] toBytes() {
    return RowsCodec.encode(rows);
  }

  /**
   * The result stored as {@code bytes} by {@link #toBytes()}; fails with
   * {@link dev.sluice.error.MappingException} when they are not in Sluice's cache format.
   */
  public static CachedRows fromBytes(byte[] bytes) {
    return new CachedRows(List.copyOf(RowsCodec.decode(bytes)));
  }
}
