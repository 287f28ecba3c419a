package dev.sluice.examples.readme;

import dev.sluice.Database;
import dev.sluice.dialect.postgres.PostgresExactCodecs;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

/** The README's block on binary results with a connection factory of one's own, compiled against the public API. */
final class BinarySnippet {
  private BinarySnippet() {}

  @SuppressWarnings("unused")
  static void ownFactory() {
    // tag::binary-own-factory[]
    PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
        .host("127.0.0.1").username("postgres").database("test")
        .forceBinary(true)                            // binary results
        .codecRegistrar(new PostgresExactCodecs())    // read exactly: year 1, BC, numeric scale, jsonb
        .build());
    Database db = Database.builder().connectionFactory(factory).build();
    // end::binary-own-factory[]
  }
}
