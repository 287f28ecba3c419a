package dev.sluice.dialect.mariadb;

import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbQueryLanguageIT extends QueryLanguageContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
