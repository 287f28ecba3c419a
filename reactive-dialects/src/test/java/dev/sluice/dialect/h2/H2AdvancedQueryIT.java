package dev.sluice.dialect.h2;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.DatabaseTarget;

class H2AdvancedQueryIT extends AdvancedQueryContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
