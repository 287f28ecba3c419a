package dev.sluice.dialect.h2;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.LockMode;

/** H2's reads: the standard ones, locking with {@code FOR UPDATE} only. */
class H2Selects extends SelectRenderer {

  H2Selects(StandardDialect dialect) {
    super(dialect);
  }

  /** H2 locks with {@code FOR UPDATE} only. */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_SHARE) {
      throw new UnsupportedByDialectException("FOR SHARE", name());
    }
    super.appendLock(lock, ctx);
  }
}
