package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ReconnectContract;
import dev.sluice.dialect.AdminQuery;

class MariaDbReconnectIT extends ReconnectContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }

  @Override protected String sessionIdSql() { return "CAST(CONNECTION_ID() AS SIGNED)"; }

  @Override protected void terminate(long id) {
    AdminQuery.sum(MariaDbTarget.INSTANCE.connectionFactory(), "KILL CONNECTION " + id);
  }

  @Override protected boolean sessionExists(long id) {
    return AdminQuery.sum(MariaDbTarget.INSTANCE.connectionFactory(),
        "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ?", id) > 0;
  }
}
