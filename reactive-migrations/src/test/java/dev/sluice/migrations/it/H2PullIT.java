package dev.sluice.migrations.it;

class H2PullIT extends PullContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }
}
