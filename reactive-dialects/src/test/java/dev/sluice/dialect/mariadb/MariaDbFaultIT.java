package dev.sluice.dialect.mariadb;

import dev.sluice.contract.FaultContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbFaultIT extends FaultContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }

  @Override protected String slowSql(int seconds) { return "SELECT SLEEP(" + seconds + ")"; }
}
