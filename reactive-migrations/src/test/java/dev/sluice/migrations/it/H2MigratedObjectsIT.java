package dev.sluice.migrations.it;

class H2MigratedObjectsIT extends MigratedObjectsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }

  @Override protected boolean schemas() { return true; }
}
