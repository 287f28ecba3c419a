package dev.sluice.dialect.sqlite;

import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.DatabaseTarget;


class SqliteInjectionIT extends InjectionContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

}
