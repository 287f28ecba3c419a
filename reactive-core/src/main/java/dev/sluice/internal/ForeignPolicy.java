package dev.sluice.internal;

/**
 * What a statement does inside a transaction of another manager on another connection factory,
 * which it cannot join: the public {@code ForeignTransactionPolicy}, as execution sees it.
 */
public enum ForeignPolicy {
  /** Fail with {@code TransactionNotJoinedException}, the statement not run. */
  FAIL,
  /** Run outside the transaction, logged once. */
  WARN,
  /** Run outside the transaction. */
  IGNORE
}
