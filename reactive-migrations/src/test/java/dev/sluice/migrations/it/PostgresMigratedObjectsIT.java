package dev.sluice.migrations.it;

class PostgresMigratedObjectsIT extends MigratedObjectsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }

  @Override protected boolean schemas() { return true; }
}
