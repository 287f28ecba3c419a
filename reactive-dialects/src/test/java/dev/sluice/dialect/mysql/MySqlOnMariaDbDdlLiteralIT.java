package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;
import java.util.List;

class MySqlOnMariaDbDdlLiteralIT extends DdlLiteralContract {
  @Override protected boolean storesNulInText() { return true; }

  @Override protected List<String> otherStringMode() {
    return List.of("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
        "SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
  }

  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
