package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;

class H2WriteIT extends WriteContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
