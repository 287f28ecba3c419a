package dev.sluice.dialect.h2;

import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.DatabaseTarget;

class H2RelationsIT extends RelationsContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
