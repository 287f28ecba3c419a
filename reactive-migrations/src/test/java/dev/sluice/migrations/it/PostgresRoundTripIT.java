package dev.sluice.migrations.it;

class PostgresRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }
}
