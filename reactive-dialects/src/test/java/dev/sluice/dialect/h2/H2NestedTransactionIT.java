package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.NestedTransactionContract;

class H2NestedTransactionIT extends NestedTransactionContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
