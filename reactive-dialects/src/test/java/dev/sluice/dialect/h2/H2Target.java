package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.UUID;

/**
 * An in-process H2 database in memory, a new one for every connection factory (so each test class
 * starts empty), kept while the JVM runs, with identifiers kept in their declared case.
 */
final class H2Target implements DatabaseTarget {
  static final H2Target INSTANCE = new H2Target();

  @Override public String name() { return "h2"; }

  @Override public ConnectionFactory connectionFactory() {
    return ConnectionFactories.get("r2dbc:h2:mem:///sluice-" + UUID.randomUUID()
        + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE");
  }

  /** H2 runs in this JVM: nothing to reach. */
  @Override public void requireReachable() { }
}
