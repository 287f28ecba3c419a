package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.Excused;

@Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged",
    reason = "MySQL has no RETURNING for UPDATE or DELETE, and no generated-keys equivalent; the "
        + "dialect rejects it with UnsupportedByDialectException, see MySqlDialectTest")
class MySqlOnMariaDbWriteIT extends WriteContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
