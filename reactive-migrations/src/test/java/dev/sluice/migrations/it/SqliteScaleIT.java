package dev.sluice.migrations.it;

class SqliteScaleIT extends ScaleContract {
  @Override protected LiveTarget target() { return LiveTarget.sqlite("speed"); }
}
