package dev.sluice.dialect.postgres;

import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresInjectionIT extends InjectionContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

  /** PostgreSQL text cannot hold NUL (0x00): a typed DataException, nothing written. */
  @Override protected boolean storesNul() { return false; }
}
