package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;
import java.util.List;

class PostgresDdlLiteralIT extends DdlLiteralContract {
  @Override protected List<String> otherStringMode() {
    return List.of("SET standard_conforming_strings = off", "RESET standard_conforming_strings");
  }

  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
