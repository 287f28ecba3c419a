package dev.sluice.dialect.postgres;

import dev.sluice.r2dbc.vertx.PostgresErrorDetails;
import dev.sluice.spi.ConstraintInfo;

/** Reads r2dbc-vertx's error fields; only loaded when that driver is present. */
final class VertxErrors {
  private VertxErrors() {}

  static ConstraintInfo constraintInfo(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostgresErrorDetails d) {
        return new ConstraintInfo(d.table(), d.column(), d.constraint());
      }
    }
    return ConstraintInfo.NONE;
  }
}
