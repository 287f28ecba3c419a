package dev.sluice.dialect.mysql;

import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbQueryLanguageIT extends QueryLanguageContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
