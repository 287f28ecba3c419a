package dev.sluice.migrations.it;

class H2RoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }
}
