package dev.sluice.dialect.h2;

import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.DatabaseTarget;

class H2InjectionIT extends InjectionContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
