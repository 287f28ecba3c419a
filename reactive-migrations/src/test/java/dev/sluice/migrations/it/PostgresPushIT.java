package dev.sluice.migrations.it;

class PostgresPushIT extends PushContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }
}
