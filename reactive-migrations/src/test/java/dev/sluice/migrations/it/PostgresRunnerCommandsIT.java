package dev.sluice.migrations.it;

class PostgresRunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }

  @Override protected boolean transactionalDdl() { return true; }
}
