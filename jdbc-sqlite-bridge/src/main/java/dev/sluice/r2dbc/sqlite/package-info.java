/**
 * An R2DBC 1.0 driver for SQLite on top of the xerial {@code sqlite-jdbc} JDBC driver.
 *
 * <p>Entry points: {@link dev.sluice.r2dbc.sqlite.SqliteConnectionFactoryProvider} (driver {@code sqlite}, found
 * through {@code ConnectionFactories.get("r2dbc:sqlite:///app.db")}), {@link dev.sluice.r2dbc.sqlite.SqliteConnectionFactory}
 * and {@link dev.sluice.r2dbc.sqlite.SqliteConnectionConfiguration}. Blocking JDBC calls run on a Reactor
 * scheduler, one at a time per connection.
 */
package dev.sluice.r2dbc.sqlite;
