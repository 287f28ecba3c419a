package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.InjectionContract;

/**
 * The injection contract on MariaDB. Its default collation (utf8mb4_general_ci) is PAD SPACE: = and
 * IN ignore trailing spaces, so {@code eq("''")} also finds {@code "'' "}. The dialect keeps the
 * columns' collation (only LIKE compares under utf8mb4_bin), so the equality checks expect those
 * matches too; every value still round-trips exactly.
 */
class MariaDbInjectionIT extends InjectionContract {
  @Override protected String equalityKey(String value) { return value.replaceAll(" +\\z", ""); }

  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
