package dev.sluice.migrations.it;

class MariaDbScaleIT extends ScaleContract {
  @Override protected LiveTarget target() { return LiveTarget.mariadb("speed"); }
}
