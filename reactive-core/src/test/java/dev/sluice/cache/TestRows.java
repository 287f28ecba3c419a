package dev.sluice.cache;

import java.util.ArrayList;
import java.util.List;

/** Cached results for cache tests: one row per value, each holding it at index 0. */
public final class TestRows {
  private TestRows() { }

  /** A result of one-column rows holding {@code values}. */
  public static CachedRows of(Object... values) {
    List<CapturedRow> rows = new ArrayList<>();
    for (Object v : values) {
      rows.add(CapturedRow.frozen(new Object[] {0}, new Class<?>[] {v.getClass()}, new Object[] {v}, null));
    }
    return CachedRows.of(rows);
  }

  /** The values at index 0 of each row of {@code rows}, read as {@code type}. */
  public static <T> List<T> values(CachedRows rows, Class<T> type) {
    List<T> out = new ArrayList<>();
    rows.rows().forEach(r -> out.add(r.get(0, type)));
    return out;
  }
}
