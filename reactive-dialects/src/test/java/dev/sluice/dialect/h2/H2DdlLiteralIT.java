package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;

class H2DdlLiteralIT extends DdlLiteralContract {
  @Override protected boolean storesNulInText() { return true; }

  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
