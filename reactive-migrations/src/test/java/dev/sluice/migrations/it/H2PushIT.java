package dev.sluice.migrations.it;

class H2PushIT extends PushContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }
}
