package dev.sluice.migrations.it;

class SqliteMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }

  @Override protected boolean transactionalDdl() { return true; }
}
