package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import dev.sluice.dialect.ReplicaRoutingContract;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/**
 * {@link ReplicaRoutingContract} on the local MariaDB: three databases of this run's own stand for
 * the primary and two replicas; a database that does not exist stands for a replica that is down.
 */
class MariaDbReplicaRoutingIT extends ReplicaRoutingContract {
  private static final String ADMIN = "r2dbc:mariadb://root@127.0.0.1:3306/test";
  private static final String PREFIX = RunDatabases.name("sluice_rr");

  @Override protected void prepare() {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    for (String db : new String[] {"p", "r1", "r2"}) {
      MariaDbTarget.recreateDatabase(ADMIN, PREFIX + "_" + db);
    }
  }

  @Override protected ConnectionFactory primary() { return at("p"); }

  @Override protected ConnectionFactory replica(int n) { return at("r" + n); }

  @Override protected ConnectionFactory unreachable() { return at("missing"); }

  private static ConnectionFactory at(String db) {
    return ConnectionFactories.get("r2dbc:mariadb://root@127.0.0.1:3306/" + PREFIX + "_" + db);
  }
}
