package dev.sluice.migrations.it;

/** The MySQL dialect's runner (io.asyncer r2dbc-mysql, {@code GET_LOCK}) against the local MariaDB server, as the dialect ITs do. */
class MySqlOnMariaDbMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mysqlOnMariaDb(purpose); }

  @Override protected boolean transactionalDdl() { return false; }

  @Override protected String noGeneratedEvolution() {
    return "the MySQL dialect's migration SQL drops a check with MySQL 8's ALTER TABLE ... DROP CHECK, which the MariaDB"
        + " server standing in for MySQL does not know (it has DROP CONSTRAINT); MariaDbMigratorIT runs the same evolution"
        + " with the MariaDB dialect's SQL, and the MySQL SQL is pinned by the golden file evolution-mysql.sql";
  }
}
