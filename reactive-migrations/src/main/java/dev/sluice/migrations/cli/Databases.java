package dev.sluice.migrations.cli;

import dev.sluice.Database;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * Opens the database a command or a Maven goal works on: an R2DBC URL, with the user and password
 * given apart from it when they are (so that a password can come from the environment rather than
 * the URL), on a pool of two connections (the runner's session and one more).
 *
 * <pre>{@code
 * Database db = Databases.open("r2dbc:postgresql://127.0.0.1:5432/app", "app", System.getenv("APP_PASSWORD"));
 * }</pre>
 */
public final class Databases {
  private Databases() { }

  /** A database on {@code url}; {@code user} and {@code password} (each may be null) override the URL's. */
  public static Database open(String url, String user, String password) {
    return open(url, user, password, null);
  }

  /**
   * {@link #open(String, String, String)} rendering in {@code dialect} where the driver cannot tell
   * which database it reached (null: detected).
   */
  public static Database open(String url, String user, String password, dev.sluice.spi.Dialect dialect) {
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
    if (user != null || password != null) {
      ConnectionFactoryOptions.Builder b = options.mutate();
      if (user != null) {
        b.option(ConnectionFactoryOptions.USER, user);
      }
      if (password != null) {
        b.option(ConnectionFactoryOptions.PASSWORD, password);
      }
      options = b.build();
    }
    // with what the dialect adds for its driver (PostgreSQL: binary results, exact decoders)
    options = dialect != null ? dialect.connectionOptions(options) : dev.sluice.spi.Dialects.connectionOptions(options);
    dev.sluice.DatabaseBuilder builder = Database.builder().connectionFactory(ConnectionFactories.get(options)).poolSize(2);
    if (dialect != null) {
      builder.dialect(dialect);
    }
    return builder.build();
  }
}
