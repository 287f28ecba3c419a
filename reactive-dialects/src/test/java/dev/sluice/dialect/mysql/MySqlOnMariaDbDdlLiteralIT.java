package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;

class MySqlOnMariaDbDdlLiteralIT extends DdlLiteralContract {
  @Override protected boolean storesNulInText() { return true; }

  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
