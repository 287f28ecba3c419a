package dev.sluice.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of rows as asked by {@code GET /api/tables/{table}/rows}: {@code page} (from 0),
 * {@code size} (1 to {@value #MAX_SIZE}), {@code sort} (a column) and {@code dir} ({@code asc} or
 * {@code desc}), and one filter per column, {@code f.<column>=<value>}: text columns contain the
 * value, other columns equal it. Every name is looked up in the table; every value is converted to
 * its column's type and bound. Anything else is a 400 naming what was wrong.
 *
 * @param filters the filter values by column, in request order (a text filter is the text itself)
 */
record RowsRequest(StudioTable table, int page, int size, StudioColumn sort, boolean descending,
    Map<StudioColumn, Object> filters) {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final String FILTER = "f.";

  RowsRequest {
    filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  /** The request's query parameters, checked against {@code table}. */
  static RowsRequest parse(StudioTable table, Map<String, List<String>> params) {
    int page = 0;
    int size = DEFAULT_SIZE;
    StudioColumn sort = null;
    boolean descending = false;
    Map<StudioColumn, Object> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      String name = p.getKey();
      String value = single(name, p.getValue());
      if (name.startsWith(FILTER)) {
        StudioColumn c = column(table, name.substring(FILTER.length()));
        if (!value.isEmpty()) {
          if (!c.editable()) {
            throw HttpError.badRequest("Column " + c.name() + " is " + c.kind() + ": the studio cannot filter on it");
          }
          filters.put(c, c.textual() ? value : Values.parse(c, value));
        }
        continue;
      }
      switch (name) {
        case "page" -> page = number(name, value, 0, Integer.MAX_VALUE);
        case "size" -> size = number(name, value, 1, MAX_SIZE);
        case "sort" -> sort = value.isEmpty() ? null : column(table, value);
        case "dir" -> descending = switch (value) {
          case "asc", "" -> false;
          case "desc" -> true;
          default -> throw HttpError.badRequest("dir must be asc or desc, not \"" + value + "\"");
        };
        default -> throw HttpError.badRequest("Unknown parameter " + name
            + ": expected page, size, sort, dir or f.<column>");
      }
    }
    return new RowsRequest(table, page, size, sort, descending, filters);
  }

  /** The row offset of the page's first row. */
  long offset() {
    return (long) page * size;
  }

  static StudioColumn column(StudioTable table, String name) {
    return table.column(name).orElseThrow(() -> HttpError.badRequest("Table " + table.name() + " has no column " + name));
  }

  private static String single(String name, List<String> values) {
    if (values.size() != 1) {
      throw HttpError.badRequest("Parameter " + name + " is given " + values.size() + " times");
    }
    return values.get(0);
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw HttpError.badRequest(name + " must be a whole number from " + min + " to " + max + ", not \"" + value + "\"");
  }
}
