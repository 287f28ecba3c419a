package dev.sluice.dialect.postgres;

import dev.sluice.spi.ConstraintInfo;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;

/** Reads r2dbc-postgresql's error fields; only loaded when that driver is present. */
final class PostgresErrors {
  private PostgresErrors() {}

  static ConstraintInfo constraintInfo(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostgresqlException p) {
        ErrorDetails d = p.getErrorDetails();
        return new ConstraintInfo(d.getTableName().orElse(null), d.getColumnName().orElse(null),
            d.getConstraintName().orElse(null));
      }
    }
    return ConstraintInfo.NONE;
  }
}
