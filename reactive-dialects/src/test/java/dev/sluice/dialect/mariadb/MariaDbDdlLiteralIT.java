package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;

class MariaDbDdlLiteralIT extends DdlLiteralContract {
  @Override protected boolean storesNulInText() { return true; }

  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
