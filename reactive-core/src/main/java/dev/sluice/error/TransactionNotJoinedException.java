package dev.sluice.error;

/**
 * A statement ran inside another manager's transaction (Spring's) that Sluice could not join: that
 * transaction runs on another connection factory than the {@link dev.sluice.Database}'s own, e.g. a Database
 * made with {@code Database.connect(url)} used inside {@code @Transactional} over Spring's pool.
 * The statement was not run. Build the Database on the factory the transaction manager uses, or
 * choose {@link dev.sluice.ForeignTransactionPolicy#IGNORE} when the two are meant to be independent.
 */
public class TransactionNotJoinedException extends IllegalUseException {
  public TransactionNotJoinedException(String message) {
    super(message);
  }
}
