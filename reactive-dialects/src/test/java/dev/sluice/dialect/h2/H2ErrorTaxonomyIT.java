package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorTaxonomyContract;

class H2ErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
