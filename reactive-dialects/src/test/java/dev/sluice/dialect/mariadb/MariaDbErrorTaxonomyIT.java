package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorTaxonomyContract;

class MariaDbErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
