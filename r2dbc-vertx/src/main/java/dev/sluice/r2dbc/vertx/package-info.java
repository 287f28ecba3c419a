/**
 * An R2DBC driver for PostgreSQL over Vert.x's reactive SQL client (vertx-pg-client), found by
 * {@link io.r2dbc.spi.ConnectionFactories} from {@code r2dbc:vertx-postgresql://user@host:port/database} URLs.
 * It knows nothing of Sluice. The public types are the provider, the factory, its configuration,
 * {@link dev.sluice.r2dbc.vertx.VertxPostgresConnection} (the cancel request) and
 * {@link dev.sluice.r2dbc.vertx.PostgresErrorDetails} (the fields of a server error); everything else is
 * package-private.
 *
 * <p>How a statement is read depends on its fetch size. Without one, a statement with parameters is read by
 * cursor, one fetch per batch of the subscriber's demand (outside a transaction in one of the driver's own,
 * {@code BEGIN} to {@code COMMIT}), and one without parameters runs with the simple protocol. A fetch size reads
 * by cursor, at most that many rows per fetch. {@code fetchSize(Integer.MAX_VALUE)} asks for every row in one
 * fetch: the statement runs once as a cached prepared statement, without cursor or transaction, for a result the
 * caller knows is small:
 *
 * <pre>{@code
 * connection.createStatement("SELECT name FROM users WHERE id = $1").bind(0, 42).fetchSize(Integer.MAX_VALUE)
 * }</pre>
 *
 * <p>Outside a transaction, from its second run on, such a statement's rows are mapped as Vert.x decodes them, on
 * its event loop, under the columns of its last run, checked when the result ends (every row is mapped again if
 * they changed); its errors then reach the result's publishers rather than {@code execute()}'s.
 *
 * <p>Values read as r2dbc-postgresql reads them, or are refused with an
 * {@link dev.sluice.r2dbc.vertx.InexactValueException} naming the column when Vert.x has already changed them:
 * Vert.x parses JSON results, so a {@code jsonb} value reads as the server's text only when its numbers are all
 * integers, and a {@code json} value never does; an {@code interval} with months (or, in a binary result, of 30
 * days or more, which Vert.x folds into a month) is no {@code Duration}. Cast such a column to text:
 *
 * <pre>{@code
 * connection.createStatement("SELECT profile::text FROM users WHERE id = $1").bind(0, 42)
 * }</pre>
 */
package dev.sluice.r2dbc.vertx;
