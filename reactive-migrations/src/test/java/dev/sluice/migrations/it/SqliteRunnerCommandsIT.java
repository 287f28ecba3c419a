package dev.sluice.migrations.it;

class SqliteRunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }

  @Override protected boolean transactionalDdl() { return true; }
}
