package dev.sluice.migrations.it;

class SqliteSpeedIT extends SpeedContract {
  @Override protected LiveTarget target() { return LiveTarget.sqlite("speed"); }
}
