/**
 * An R2DBC driver for PostgreSQL over Vert.x's reactive SQL client (vertx-pg-client), found by
 * {@link io.r2dbc.spi.ConnectionFactories} from {@code r2dbc:vertx-postgresql://user@host:port/database} URLs.
 * It knows nothing of Sluice. The public types are the provider, the factory, its configuration,
 * {@link dev.sluice.r2dbc.vertx.VertxPostgresConnection} (the cancel request) and
 * {@link dev.sluice.r2dbc.vertx.PostgresErrorDetails} (the fields of a server error); everything else is
 * package-private.
 */
package dev.sluice.r2dbc.vertx;
