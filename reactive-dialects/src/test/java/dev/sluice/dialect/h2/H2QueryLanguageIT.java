package dev.sluice.dialect.h2;

import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.DatabaseTarget;

class H2QueryLanguageIT extends QueryLanguageContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
