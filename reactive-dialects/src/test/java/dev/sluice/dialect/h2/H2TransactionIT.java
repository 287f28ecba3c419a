package dev.sluice.dialect.h2;

import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.DatabaseTarget;

class H2TransactionIT extends TransactionContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
