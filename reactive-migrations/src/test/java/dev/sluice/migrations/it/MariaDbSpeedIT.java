package dev.sluice.migrations.it;

class MariaDbSpeedIT extends SpeedContract {
  @Override protected LiveTarget target() { return LiveTarget.mariadb("speed"); }
}
