package dev.sluice.dialect.postgres;

import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;

/** PostgreSQL's errors: its own SQLSTATEs, and the table, column and constraint the driver reports. */
class PostgresClassifier extends ErrorClassifier {

  /**
   * PostgreSQL's own codes first: 40P01 deadlock, 55P03 lock not available, 57014 query cancelled
   * (a statement timeout when its message says so), class 53 insufficient resources.
   */
  @Override protected ErrorKind classifyState(String state) {
    return switch (state) {
      case "40P01" -> ErrorKind.DEADLOCK;
      case "55P03" -> ErrorKind.LOCK_NOT_AVAILABLE;
      case "57014" -> ErrorKind.QUERY_CANCELLED;
      default -> state.startsWith("53") ? ErrorKind.TRANSIENT_RESOURCE : super.classifyState(state);
    };
  }

  /** Also 57P01..03: the backend was terminated or the server is shutting down. */
  @Override protected boolean isConnectionLost(Throwable error) {
    return ErrorTranslator.connectionLost(error, state -> state.startsWith("57P0"));
  }

  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    ConstraintInfo info = ConstraintInfo.NONE;
    try {
      info = PostgresErrors.constraintInfo(error);
    } catch (LinkageError driverAbsent) {
      // r2dbc-postgresql absent
    }
    if (info == ConstraintInfo.NONE) {
      try {
        info = VertxErrors.constraintInfo(error);
      } catch (LinkageError driverAbsent) {
        // r2dbc-vertx absent
      }
    }
    return info;
  }
}
