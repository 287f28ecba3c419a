package dev.sluice.dialect.postgres;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresAdvancedQueryIT extends AdvancedQueryContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
