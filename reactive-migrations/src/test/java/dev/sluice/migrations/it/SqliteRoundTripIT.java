package dev.sluice.migrations.it;

class SqliteRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target() { return LiveTarget.sqlite("roundtrip"); }
}
