package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ReconnectContract;
import dev.sluice.dialect.AdminQuery;

class PostgresReconnectIT extends ReconnectContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

  @Override protected String sessionIdSql() { return "CAST(pg_backend_pid() AS BIGINT)"; }

  @Override protected void terminate(long id) {
    AdminQuery.sum(PostgresTarget.INSTANCE.connectionFactory(),
        "SELECT count(*) FROM (SELECT pg_terminate_backend($1)) t", (int) id);
  }

  @Override protected boolean sessionExists(long id) {
    return AdminQuery.sum(PostgresTarget.INSTANCE.connectionFactory(),
        "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", (int) id) > 0;
  }
}
