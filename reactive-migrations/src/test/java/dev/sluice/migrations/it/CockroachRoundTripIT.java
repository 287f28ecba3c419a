package dev.sluice.migrations.it;

import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The round trip on CockroachDB 24.1 (insecure single node) in a container: a fresh database per
 * test, {@code CockroachIntrospector} reading it back. Skipped, visibly ("disabledWithoutDocker is
 * true and Docker is not available"), where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class CockroachRoundTripIT extends RoundTripContract {
  @Container
  static final CockroachContainer DB = new CockroachContainer("cockroachdb/cockroach:v24.1.0");

  @Override protected LiveTarget target(String purpose) {
    String server = "r2dbc:postgresql://" + DB.getUsername() + "@" + DB.getHost() + ":" + DB.getMappedPort(26257) + "/";
    return LiveTarget.container("cockroachdb", server + DB.getDatabaseName(), server, purpose);
  }
}
