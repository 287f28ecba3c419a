package dev.sluice.migrations.it;

class SqliteMigratedObjectsIT extends MigratedObjectsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }

  @Override protected boolean schemas() { return false; }
}
