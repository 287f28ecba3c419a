package dev.sluice.migrations.it;

class MariaDbRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target() { return LiveTarget.mariadb("roundtrip"); }
}
