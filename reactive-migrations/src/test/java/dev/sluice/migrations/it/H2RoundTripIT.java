package dev.sluice.migrations.it;

class H2RoundTripIT extends RoundTripContract {
  @Override protected LiveTarget target() { return LiveTarget.h2("roundtrip"); }
}
