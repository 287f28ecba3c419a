package dev.sluice.dialect.postgres;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresBadInputIT extends BadInputContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

}
