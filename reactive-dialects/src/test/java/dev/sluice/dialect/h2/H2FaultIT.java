package dev.sluice.dialect.h2;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;
import dev.sluice.dialect.Excused;

@Excused(test = "cancellingInTheMiddleOfAThousandInsertsLeavesNothing",
    reason = "r2dbc-h2 runs H2 in process and synchronously: subscribe() returns only after all 1000"
        + " inserts ran on the subscribing thread, so there is no middle in which to cancel")
@Excused(test = "concurrentSerializableIncrementsNeverLoseAnUpdate",
    reason = "H2's SERIALIZABLE does not ensure serializable execution of writing transactions (its"
        + " documentation says so): concurrent read-then-update increments overwrite each other"
        + " without a serialization failure")
@Excused(test = "aTransactionTimeoutCancelsTheRunningStatement",
    reason = "r2dbc-h2 runs H2 in process on the subscribing thread and has no cancel request: the"
        + " timeout cannot fire, nor the statement be stopped, before the statement returns")
@Excused(test = "aQueryTimeoutCancelsTheRunningStatement",
    reason = "r2dbc-h2 runs H2 in process on the subscribing thread and has no cancel request: the"
        + " timeout cannot fire, nor the statement be stopped, before the statement returns")
class H2FaultIT extends FaultContract {
  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }

  @Override protected String slowSql(int seconds) {
    return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, " + seconds * 3_000_000L + ")";
  }
}
