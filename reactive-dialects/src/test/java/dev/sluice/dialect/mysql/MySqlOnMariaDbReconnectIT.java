package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ReconnectContract;
import dev.sluice.dialect.AdminQuery;

class MySqlOnMariaDbReconnectIT extends ReconnectContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }

  @Override protected String sessionIdSql() { return "CAST(CONNECTION_ID() AS SIGNED)"; }

  @Override protected void terminate(long id) {
    AdminQuery.sum(MySqlOnMariaDbTarget.INSTANCE.connectionFactory(), "KILL CONNECTION " + id);
  }

  @Override protected boolean sessionExists(long id) {
    return AdminQuery.sum(MySqlOnMariaDbTarget.INSTANCE.connectionFactory(),
        "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ?", id) > 0;
  }
}
