package dev.sluice.studio;

import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of the studio's reads and writes for one dialect. Table and column names come only from
 * the {@link StudioTable} model, quoted by the dialect; every value is a bound placeholder.
 * <pre>
 * SELECT "id", "name" FROM "users" WHERE "name" LIKE $1 ESCAPE '!' ORDER BY "name" ASC, "id" ASC LIMIT $2 OFFSET $3
 * </pre>
 */
final class RowQueries {
  /** Dialects that page with {@code OFFSET n ROWS FETCH NEXT m ROWS ONLY} rather than {@code LIMIT}. */
  private static final Set<String> FETCH_NEXT = Set.of("sqlserver", "oracle");
  /** Dialects whose {@code SELECT ... FOR UPDATE} locks the row an edit compares. */
  private static final Set<String> FOR_UPDATE = Set.of("postgresql", "cockroachdb", "mysql", "mariadb", "oracle", "h2");

  private final Dialect dialect;

  RowQueries(Dialect dialect) {
    this.dialect = dialect;
  }

  /** One page of rows: the table's columns in order, filtered, sorted (then by key), paged. */
  Sql page(RowsRequest r) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(columnList(r.table())).append(" FROM ").append(id(r.table().name()));
    where(r, sql, args);
    sql.append(" ORDER BY ");
    List<String> order = new ArrayList<>();
    if (r.sort() != null) {
      order.add(id(r.sort().name()) + (r.descending() ? " DESC" : " ASC"));
    }
    List<StudioColumn> key = r.table().primaryKey().isEmpty() ? List.of(r.table().columns().get(0)) : r.table().primaryKey();
    for (StudioColumn k : key) {
      if (k != r.sort()) {
        order.add(id(k.name()) + " ASC");
      }
    }
    sql.append(String.join(", ", order));
    if (FETCH_NEXT.contains(dialect.name())) {
      sql.append(" OFFSET ").append(arg(args, r.offset())).append(" ROWS FETCH NEXT ").append(arg(args, r.size()))
          .append(" ROWS ONLY");
    } else {
      sql.append(" LIMIT ").append(arg(args, r.size())).append(" OFFSET ").append(arg(args, r.offset()));
    }
    return new Sql(sql.toString(), args);
  }

  /** The number of rows the page's filters match: one row, column {@code n}. */
  Sql count(RowsRequest r) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) AS n FROM ").append(id(r.table().name()));
    where(r, sql, args);
    return new Sql(sql.toString(), args);
  }

  /** The row of {@code key} (values of the primary key's columns, in order), locked where the dialect can. */
  Sql byKey(StudioTable table, List<Object> key, boolean lock) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(columnList(table)).append(" FROM ").append(id(table.name()));
    keyCondition(table, key, sql, args);
    if (lock && FOR_UPDATE.contains(dialect.name())) {
      sql.append(" FOR UPDATE");
    }
    return new Sql(sql.toString(), args);
  }

  /** {@code UPDATE} of {@code values} (null: SQL NULL) in the row of {@code key}. */
  Sql update(StudioTable table, Map<StudioColumn, Object> values, List<Object> key) {
    List<Object> args = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (Map.Entry<StudioColumn, Object> v : values.entrySet()) {
      sets.add(id(v.getKey().name()) + " = " + (v.getValue() == null ? "NULL" : arg(args, v.getValue())));
    }
    StringBuilder sql = new StringBuilder("UPDATE ").append(id(table.name())).append(" SET ").append(String.join(", ", sets));
    keyCondition(table, key, sql, args);
    return new Sql(sql.toString(), args);
  }

  private void where(RowsRequest r, StringBuilder sql, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    for (Map.Entry<StudioColumn, Object> f : r.filters().entrySet()) {
      StudioColumn c = f.getKey();
      if (c.textual()) {
        conditions.add(id(c.name()) + " LIKE " + arg(args, "%" + escapeLike((String) f.getValue()) + "%") + " ESCAPE '!'");
      } else {
        conditions.add(id(c.name()) + " = " + arg(args, f.getValue()));
      }
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
  }

  private void keyCondition(StudioTable table, List<Object> key, StringBuilder sql, List<Object> args) {
    List<StudioColumn> pk = table.primaryKey();
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < pk.size(); i++) {
      conditions.add(id(pk.get(i).name()) + " = " + arg(args, key.get(i)));
    }
    sql.append(" WHERE ").append(String.join(" AND ", conditions));
  }

  private String columnList(StudioTable table) {
    return String.join(", ", table.columns().stream().map(c -> id(c.name())).toList());
  }

  /** The identifier quoted by the dialect, its braces doubled so the template keeps them literal. */
  String id(String name) {
    return dialect.quote(name).replace("{", "{{");
  }

  private static String arg(List<Object> args, Object value) {
    args.add(value);
    return "{" + (args.size() - 1) + "}";
  }

  /** A LIKE pattern matching {@code text} literally, with {@code !} as the escape character. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
