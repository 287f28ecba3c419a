package dev.sluice.dialect.h2;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;

class H2BadInputIT extends BadInputContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
