package dev.sluice.migrations.it;

class MariaDbMigratedObjectsIT extends MigratedObjectsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }

  @Override protected boolean schemas() { return false; }
}
