package dev.sluice.dialect.postgres;

import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresQueryLanguageIT extends QueryLanguageContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
