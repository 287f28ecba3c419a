package dev.sluice;

import dev.sluice.error.TransactionNotJoinedException;

/**
 * What a statement does when the subscriber's Context holds another manager's transaction (Spring's
 * {@code @Transactional} or {@code TransactionalOperator}) that Sluice cannot join, because that
 * transaction runs on another connection factory than the {@link Database}'s. Running the statement
 * anyway would run it outside that transaction, in auto-commit: its write would survive the
 * transaction's rollback.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).foreignTransactions(ForeignTransactionPolicy.WARN).build();
 * }</pre>
 */
public enum ForeignTransactionPolicy {
  /** Fail the statement with {@link TransactionNotJoinedException} (the default). */
  FAIL,
  /** Run it outside the transaction, logging a warning once per {@link Database}. */
  WARN,
  /** Run it outside the transaction, silently: the two are meant to be independent. */
  IGNORE
}
