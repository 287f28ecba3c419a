package dev.sluice.migrations.it;

class MySqlOnMariaDbRunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mysqlOnMariaDb(purpose); }

  @Override protected boolean transactionalDdl() { return false; }
}
