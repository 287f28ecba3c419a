package dev.sluice.migrations.it;

class PostgresPullIT extends PullContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }
}
