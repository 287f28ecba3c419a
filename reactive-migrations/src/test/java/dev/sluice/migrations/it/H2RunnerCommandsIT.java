package dev.sluice.migrations.it;

class H2RunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }

  @Override protected boolean transactionalDdl() { return false; }
}
