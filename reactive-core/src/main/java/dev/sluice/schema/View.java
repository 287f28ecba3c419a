package dev.sluice.schema;

import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.Join;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL view defined in code: typed columns like a {@link Table}, filled by a defining query built
 * with Sluice's own DSL. It is read like a table (where, joins, order, fetch into its record) and
 * never written: {@code insertInto}, {@code update}, {@code deleteFrom} and {@code save} on a view
 * throw {@link dev.sluice.error.IllegalUseException} before anything is sent.
 *
 * <pre>{@code
 * public record ActiveUser(Integer id, String fullName) {}
 *
 * public final class ActiveUsers extends View<ActiveUser> {
 *   public final Column<Integer> id = integer("id");
 *   public final Column<String> fullName = varchar("full_name", 256);
 *   public ActiveUsers() { super("active_users"); }
 *
 *   @Override protected Statement definition() {
 *     return Detached.builders().select(USERS.id, USERS.fullName).from(USERS)
 *         .where(isNotNull(USERS.email)).query();
 *   }
 * }
 * // createTables(USERS, ACTIVE_USERS), PostgreSQL:
 * // CREATE OR REPLACE VIEW "active_users" ("id", "full_name") AS
 * //   SELECT "id", "full_name" FROM "users" WHERE "email" IS NOT NULL
 * }</pre>
 *
 * <p>The query must select one value per column, of the column's Java type, in declaration order
 * (checked on first use, naming the first column that does not fit). Values in it are written into
 * the view's SQL as literals by the dialect (a view has no bound parameters). A materialized view
 * ({@link #View(String, boolean)}) is PostgreSQL's {@code CREATE MATERIALIZED VIEW}; other
 * databases refuse it with {@link dev.sluice.error.UnsupportedByDialectException}.
 *
 * @param <R> the row type, a Java record whose component names match the column fields
 */
public abstract class View<R> extends Table<R> {
  private final boolean materialized;
  private volatile Statement query;

  /** A view named {@code name}. */
  protected View(String name) {
    this(name, false);
  }

  /** A view named {@code name}, materialized if {@code materialized} (PostgreSQL only). */
  protected View(String name, boolean materialized) {
    super(name);
    this.materialized = materialized;
  }

  /** A view named after its class by {@link NamingStrategy#SNAKE_CASE}. */
  protected View() {
    super();
    this.materialized = false;
  }

  /**
   * The defining query: a SELECT (or a UNION of SELECTs) built with the DSL, e.g. on
   * {@code dev.sluice.query.Detached.builders()}, ending in {@code .query()}. Called once per instance.
   */
  protected abstract Statement definition();

  /** The defining query, checked against the view's columns on first use. */
  public final Statement query() {
    Statement q = query;
    if (q == null) {
      q = definition();
      dev.sluice.sql.CommonTable.requireShape(this, q, "View");
      query = q;
    }
    return q;
  }

  /** Whether this is a materialized view. */
  public final boolean materialized() {
    return materialized;
  }

  /**
   * The tables (and views) the defining query reads in its FROM and JOIN clauses, in order of
   * appearance and without repeats: what must exist before the view is created.
   */
  public final List<Table<?>> reads() {
    List<Table<?>> out = new ArrayList<>();
    Statement q = query();
    List<SelectQuery> parts = q instanceof CompoundSelect c ? c.parts() : List.of((SelectQuery) q);
    for (SelectQuery s : parts) {
      add(out, s.from());
      for (Join j : s.joins()) {
        add(out, j.table());
      }
    }
    return out;
  }

  private void add(List<Table<?>> out, Table<?> t) {
    if (t == null || t.source() != null) {
      return;
    }
    for (Table<?> seen : out) {
      if (seen.name().equals(t.name())) {
        return;
      }
    }
    out.add(t);
  }
}
