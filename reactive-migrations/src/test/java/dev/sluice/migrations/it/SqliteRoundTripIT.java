package dev.sluice.migrations.it;

class SqliteRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }
}
