package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorTaxonomyContract;

class PostgresErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
