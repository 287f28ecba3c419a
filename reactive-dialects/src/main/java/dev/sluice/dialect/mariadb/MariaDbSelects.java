package dev.sluice.dialect.mariadb;

import dev.sluice.dialect.mysql.MySqlSelects;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.LockMode;

/** MariaDB's reads: MySQL's, with {@code LOCK IN SHARE MODE}. */
class MariaDbSelects extends MySqlSelects {

  MariaDbSelects(StandardDialect dialect) {
    super(dialect);
  }

  /** {@code FOR SHARE} is spelled {@code LOCK IN SHARE MODE}. */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_SHARE) {
      ctx.sql(" LOCK IN SHARE MODE");
    } else {
      super.appendLock(lock, ctx);
    }
  }
}
