package dev.sluice.query;

import java.util.List;

/**
 * One page of a query's rows and the total number of rows.
 *
 * @param items the rows of this page
 * @param page  the 0-based page number
 * @param size  the page size
 * @param total the number of rows over all pages
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  /** How many pages there are. */
  public int totalPages() {
    return (int) ((total + size - 1) / size);
  }

  /** Whether a later page exists. */
  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
