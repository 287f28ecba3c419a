package dev.sluice.dialect.postgres;

import dev.sluice.spi.SelectRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

/**
 * PostgreSQL through r2dbc-vertx: the PostgreSQL dialect, chosen for a connection factory of that
 * driver, that reads every {@code json} and {@code jsonb} value the statement hands back (a column,
 * a projection, a {@code RETURNING} column) as text, so it reads exactly. Vert.x parses JSON
 * results into its own objects, whose numbers are doubles ({@code 1.50} would read {@code 1.5}) and
 * which drop a {@code json} value's spacing and duplicate keys; the text cast leaves the server's
 * own text, as r2dbc-postgresql reads it:
 *
 * <pre>{@code
 * SELECT "id", CAST("profile" AS text) || '' FROM "customers" WHERE "id" = $1
 * }</pre>
 *
 * Only the outermost values are cast: a subquery, derived table or {@code INSERT ... SELECT} keeps
 * its JSON values typed. Its name is {@code postgresql}, as the dialect it extends.
 */
public class VertxPostgresDialect extends PostgresDialect {

  /** A connection factory of r2dbc-vertx (its metadata is the driver's, also through r2dbc-pool). */
  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "PostgreSQL".equalsIgnoreCase(metadata.getName()) && ofVertx(metadata);
  }

  /** Whether {@code metadata} is r2dbc-vertx's (by class name, so nothing of that driver is loaded). */
  static boolean ofVertx(ConnectionFactoryMetadata metadata) {
    return metadata.getClass().getName().startsWith("dev.sluice.r2dbc.vertx.");
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new VertxPostgresSelects(this);
  }
}
