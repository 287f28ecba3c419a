package dev.sluice.migrations.it;

class PostgresScaleIT extends ScaleContract {
  @Override protected LiveTarget target() { return LiveTarget.postgres("speed"); }
}
