package dev.sluice.schema;

import java.util.Objects;

/**
 * A named database schema that tables are declared in: a schema on PostgreSQL, H2, CockroachDB and
 * SQL Server, a database on MySQL and MariaDB, a user's schema on Oracle. SQLite has no schemas
 * (only attached databases, per connection), so it refuses such a table with an
 * {@link dev.sluice.error.UnsupportedByDialectException}.
 *
 * <pre>{@code
 * public static final SqlSchema AUDIT = SqlSchema.named("audit");
 *
 * public final class Events extends Table<Event> {
 *   public final Column<Long> id = bigserial("id").primaryKey();
 *   public Events() { super(AUDIT, "events"); }
 * }
 * // SELECT "events"."id" FROM "audit"."events"        (PostgreSQL)
 * }</pre>
 *
 * <p>{@code createTable} creates the schema first ({@code CREATE SCHEMA IF NOT EXISTS "audit"}), and
 * the table name is qualified wherever Sluice writes it. Column references stay qualified by the
 * table name (or its alias): join two tables of the same name from different schemas under aliases.
 */
public final class SqlSchema {
  private final String name;

  private SqlSchema(String name) {
    this.name = Table.requireIdentifier(name);
  }

  /** The schema called {@code name}. */
  public static SqlSchema named(String name) {
    return new SqlSchema(name);
  }

  /** The schema's SQL name. */
  public String name() { return name; }

  @Override public boolean equals(Object o) {
    return o instanceof SqlSchema s && s.name.equals(name);
  }

  @Override public int hashCode() { return Objects.hash(name); }

  @Override public String toString() { return name; }
}
