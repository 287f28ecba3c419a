package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;

class PostgresDdlLiteralIT extends DdlLiteralContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
