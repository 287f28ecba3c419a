package dev.sluice.dialect.h2;

import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.DatabaseTarget;

class H2PaginationIT extends PaginationContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
