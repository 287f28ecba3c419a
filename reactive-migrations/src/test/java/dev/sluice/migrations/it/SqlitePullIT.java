package dev.sluice.migrations.it;

class SqlitePullIT extends PullContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }
}
