package dev.sluice.migrations.it;

class MariaDbMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }

  @Override protected boolean transactionalDdl() { return false; }
}
