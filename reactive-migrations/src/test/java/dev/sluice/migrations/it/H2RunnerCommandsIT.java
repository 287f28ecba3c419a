package dev.sluice.migrations.it;

class H2RunnerCommandsIT extends RunnerCommandsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }

  @Override protected boolean transactionalDdl() { return false; }

  @Override protected String noConcurrentRunners() {
    return "H2 has no session lock and its DDL commits at once: one runner per in-process database";
  }
}
