package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.Excused;

@Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged",
    reason = "MariaDB has DELETE ... RETURNING but no UPDATE ... RETURNING (a syntax error on 10.11); "
        + "the dialect rejects it with UnsupportedByDialectException, see MariaDbCrudIT")
class MariaDbWriteIT extends WriteContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
