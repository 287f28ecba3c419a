package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/** The local PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth). */
final class PostgresTarget implements DatabaseTarget {
  static final PostgresTarget INSTANCE = new PostgresTarget();
  static final String URL = System.getProperty("sluice.postgres.url",
      "r2dbc:postgresql://postgres@127.0.0.1:5432/test");

  @Override public String name() { return "postgresql"; }

  @Override public ConnectionFactory connectionFactory() { return ConnectionFactories.get(URL); }

  @Override public void requireReachable() { DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432); }
}
