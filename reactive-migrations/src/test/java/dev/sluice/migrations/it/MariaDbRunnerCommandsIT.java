package dev.sluice.migrations.it;

class MariaDbRunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }

  @Override protected boolean transactionalDdl() { return false; }
}
