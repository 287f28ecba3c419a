package dev.sluice.schema;

/**
 * How a table's SQL names are derived when the schema code does not give them: the table's name
 * from its class (a {@link Table#Table()} constructor without a name) and each column's from the
 * field that declares it (a factory without a name, such as {@code text()}). An explicit name always
 * wins. {@link #SNAKE_CASE} is the default.
 *
 * <pre>{@code
 * public final class BlogPosts extends Table<BlogPost> {        // table "blog_posts"
 *   public final Column<Integer> id = serial().primaryKey();     // "id"
 *   public final Column<String> authorName = text().notNull();   // "author_name"
 *   public final Column<String> body = text("content");          // "content": given, so kept
 *   public BlogPosts() { super(); }
 * }
 * }</pre>
 */
public interface NamingStrategy {
  /** The SQL name of a table declared by {@code tableClass} without a name. */
  String tableName(Class<?> tableClass);

  /** The SQL name of a column declared in field {@code fieldName} without a name. */
  String columnName(String fieldName);

  /**
   * Lower case with underscores between words: {@code BlogPosts} → {@code blog_posts},
   * {@code authorName} → {@code author_name}, {@code HTTPLog} → {@code http_log},
   * {@code address2} → {@code address2}.
   */
  NamingStrategy SNAKE_CASE = new NamingStrategy() {
    @Override public String tableName(Class<?> tableClass) { return snakeCase(tableClass.getSimpleName()); }

    @Override public String columnName(String fieldName) { return snakeCase(fieldName); }

    @Override public String toString() { return "SNAKE_CASE"; }
  };

  /** The Java names as they are: {@code BlogPosts}, {@code authorName} (quoted, so case is kept). */
  NamingStrategy AS_DECLARED = new NamingStrategy() {
    @Override public String tableName(Class<?> tableClass) { return tableClass.getSimpleName(); }

    @Override public String columnName(String fieldName) { return fieldName; }

    @Override public String toString() { return "AS_DECLARED"; }
  };

  /** {@code camelCase} or {@code PascalCase} as {@code snake_case}; what {@link #SNAKE_CASE} does. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
            && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if ((afterLower || endsAcronym) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
