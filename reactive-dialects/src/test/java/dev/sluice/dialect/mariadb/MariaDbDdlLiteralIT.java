package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;
import java.util.List;

class MariaDbDdlLiteralIT extends DdlLiteralContract {
  @Override protected boolean storesNulInText() { return true; }

  @Override protected List<String> otherStringMode() {
    return List.of("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
        "SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
  }

  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
