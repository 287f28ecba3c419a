package dev.sluice.dialect.h2;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;

class H2CompoundIT extends CompoundContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
