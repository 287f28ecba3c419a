package dev.sluice.migrations.it;

class PostgresSpeedIT extends SpeedContract {
  @Override protected LiveTarget target() { return LiveTarget.postgres("speed"); }
}
