package dev.sluice.dialect.mysql;

import dev.sluice.contract.FaultContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbFaultIT extends FaultContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }

  @Override protected String slowSql(int seconds) { return "SELECT SLEEP(" + seconds + ")"; }
}
