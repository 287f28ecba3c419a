package dev.sluice.dialect.h2;

import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.DatabaseTarget;

class H2ErrorIT extends ErrorContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
