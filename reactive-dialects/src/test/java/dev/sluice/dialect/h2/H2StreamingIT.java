package dev.sluice.dialect.h2;

import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.DatabaseTarget;

class H2StreamingIT extends StreamingContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
