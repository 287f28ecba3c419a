package dev.sluice.migrations.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The round trip on Oracle Database 23ai Free in a container, in its application user's schema
 * (each test ends with the down script, which leaves it empty), {@code OracleIntrospector} reading
 * it back. Skipped, visibly ("disabledWithoutDocker is true and Docker is not available"), where
 * no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleRoundTripIT extends RoundTripContract {
  @Container
  static final OracleContainer DB = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");

  @Override protected LiveTarget target(String purpose) {
    return LiveTarget.container("oracle", "r2dbc:oracle://" + DB.getUsername() + ":" + DB.getPassword() + "@"
        + DB.getHost() + ":" + DB.getOraclePort() + "/" + DB.getDatabaseName(), null, purpose);
  }
}
