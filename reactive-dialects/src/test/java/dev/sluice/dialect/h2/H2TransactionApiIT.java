package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.dialect.Excused;

@Excused(test = "aReadOnlyTransactionRefusesWrites",
    reason = "H2 has no read-only transactions, only read-only databases (ACCESS_MODE_DATA=r):"
        + " r2dbc-h2 ignores TransactionDefinition.READ_ONLY, so the insert commits")
class H2TransactionApiIT extends TransactionApiContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
}
