package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.sql.InsertQuery;

/** A database without any upsert: {@code onConflict(...)} is refused when rendered. */
public class NoUpsert extends UpsertStrategy {

  public NoUpsert(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    throw new UnsupportedByDialectException("Upsert (onConflict)", name());
  }
}
