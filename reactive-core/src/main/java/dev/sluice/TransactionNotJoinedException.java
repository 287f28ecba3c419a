package dev.sluice;

/**
 * A statement ran inside another manager's transaction (Spring's) that Sluice could not join: that
 * transaction runs on another connection factory than the {@link Database}'s own, e.g. a Database
 * made with {@code Database.connect(url)} used inside {@code @Transactional} over Spring's pool.
 * The statement was not run. Build the Database on the factory the transaction manager uses, or
 * choose {@link ForeignTransactionPolicy#IGNORE} when the two are meant to be independent.
 */
public class TransactionNotJoinedException extends IllegalUseException {
  public TransactionNotJoinedException(String message) {
    super(message);
  }
}
