package dev.sluice.internal;

import dev.sluice.error.JsonTypeMismatchException;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.JsonPath;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a database's failure of a typed JSON path read ({@link dev.sluice.spi.Dialect#isJsonTypeMismatch})
 * into a {@link JsonTypeMismatchException} naming the column and path: the one typed read of the
 * statement whose path the database's message shows, else its only typed read, else all of them.
 * Runs on the error path only (it walks the statement reflectively).
 */
final class JsonMismatch {
  private JsonMismatch() {}

  /** The typed exception, or null when the statement reads no typed JSON path. */
  static JsonTypeMismatchException of(Throwable e, RenderedSql sql, Statement statement, boolean revealBinds) {
    List<JsonPath<?>> reads = new ArrayList<>();
    walk(statement, reads, new IdentityHashMap<>());
    reads.removeIf(p -> p.as() == JsonPath.As.TEXT);
    if (reads.isEmpty()) {
      return null;
    }
    String said = String.valueOf(e.getMessage());
    JsonPath<?> failed = reads.size() == 1 ? reads.get(0) : null;
    for (JsonPath<?> p : reads) {
      if (failed == null && said.contains(JsonPath.sqlJsonPath(p.keys()) + " is not a")) {
        failed = p;
      }
    }
    Throwable cause = ErrorTranslator.safeCause(e, sql, revealBinds);
    String text = sql == null ? null : sql.sql();
    if (failed != null) {
      String[] column = column(failed);
      String path = JsonPath.sqlJsonPath(failed.keys());
      return new JsonTypeMismatchException("The JSON value at " + path + " of " + describe(column)
          + " is not " + article(failed.as()) + ": the statement failed rather than read it changed\n  SQL: " + text,
          cause, text, column[0], column[1], path);
    }
    List<String> all = new ArrayList<>();
    for (JsonPath<?> p : reads) {
      all.add(JsonPath.sqlJsonPath(p.keys()) + " of " + describe(column(p)) + " as " + p.as().name().toLowerCase());
    }
    return new JsonTypeMismatchException("A JSON value read by one of the statement's typed paths is of another"
        + " JSON type: " + String.join(", ", all) + "\n  SQL: " + text, cause, text, null, null, null);
  }

  private static String article(JsonPath.As as) {
    return switch (as) {
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case TEXT -> "a text";
    };
  }

  /** {table, column} of the document read, or nulls when it is no column. */
  private static String[] column(JsonPath<?> p) {
    if (p.document() instanceof ColumnExpr<?> c) {
      return new String[] {c.column().table().name(), c.column().name()};
    }
    return new String[] {null, null};
  }

  private static String describe(String[] column) {
    return column[0] == null ? "the document" : column[0] + "." + column[1];
  }

  private static void walk(Object node, List<JsonPath<?>> out, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof JsonPath<?> p) {
      out.add(p);
    }
    if (node instanceof Iterable<?> list) {
      for (Object o : list) {
        walk(o, out, seen);
      }
    } else if (node instanceof Record r && r.getClass().getPackageName().equals(Statement.class.getPackageName())) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          walk(c.getAccessor().invoke(r), out, seen);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
          // a component that cannot be read holds no path we could name
        }
      }
    }
  }
}
