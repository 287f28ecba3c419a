package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;

class H2SpringTransactionIT extends SpringTransactionContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
