package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ValueFidelityContract;

class H2ValueFidelityIT extends ValueFidelityContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
