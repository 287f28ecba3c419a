package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorTaxonomyContract;

class MySqlOnMariaDbErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
