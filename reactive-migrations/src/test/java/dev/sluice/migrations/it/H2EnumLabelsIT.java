package dev.sluice.migrations.it;

/** Enum labels on an in-memory H2: the stand-in check replaced, values rewritten by {@code UPDATE}. */
class H2EnumLabelsIT extends EnumLabelsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.h2(purpose); }
}
