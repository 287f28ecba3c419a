package dev.sluice.dialect.mariadb;

import dev.sluice.dialect.mysql.MySqlWrites;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.UpdateQuery;

/** MariaDB's writes: MySQL's, with RETURNING for INSERT and DELETE only. */
class MariaDbWrites extends MySqlWrites {

  MariaDbWrites(StandardDialect dialect) {
    super(dialect);
  }

  /** MariaDB has RETURNING for INSERT and DELETE only. */
  @Override protected void appendUpdate(UpdateQuery node, RenderContext ctx) {
    if (!node.returning().isEmpty()) {
      throw new UnsupportedByDialectException("UPDATE ... RETURNING", name());
    }
    super.appendUpdate(node, ctx);
  }
}
