package dev.sluice.migrations.it;

class PostgresRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target() { return LiveTarget.postgres("roundtrip"); }
}
