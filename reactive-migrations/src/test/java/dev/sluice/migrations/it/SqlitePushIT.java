package dev.sluice.migrations.it;

class SqlitePushIT extends PushContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }
}
