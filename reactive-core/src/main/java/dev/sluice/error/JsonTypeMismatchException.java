package dev.sluice.error;

/**
 * A typed JSON path read ({@code Json.integer}, {@code Json.number}, {@code Json.bool}) met a value of
 * another JSON type (the text {@code "Ann"} read as a number, {@code 1.5} as an integer), and the
 * statement failed rather than read a changed value. Names the column and the path when the
 * statement tells them: where a statement reads several typed paths and the database does not say
 * which failed, the message lists them all and {@link #path()} is null.
 *
 * <pre>{@code
 * db.select(Json.integer(DOCS.meta, "age")).from(DOCS).fetch(v -> v)
 *     .onErrorResume(JsonTypeMismatchException.class, e -> Mono.error(new BadData(e.path())));
 * }</pre>
 */
public class JsonTypeMismatchException extends DataException {
  private final String path;

  public JsonTypeMismatchException(String message, Throwable cause, String sql, String table, String column,
      String path) {
    super(message, cause, sql, table, column);
    this.path = path;
  }

  /** The SQL/JSON path of the value ({@code $."age"}), or null when the database did not say which. */
  public String path() { return path; }
}
