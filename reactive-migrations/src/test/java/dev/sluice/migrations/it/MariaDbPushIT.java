package dev.sluice.migrations.it;

class MariaDbPushIT extends PushContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }
}
