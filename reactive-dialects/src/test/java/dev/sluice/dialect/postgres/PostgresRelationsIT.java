package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RelationsContract;

class PostgresRelationsIT extends RelationsContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
