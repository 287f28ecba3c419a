package dev.sluice.migrations.it;

class PostgresMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }

  @Override protected boolean transactionalDdl() { return true; }
}
