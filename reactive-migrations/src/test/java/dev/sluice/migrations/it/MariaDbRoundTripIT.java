package dev.sluice.migrations.it;

class MariaDbRoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }
}
