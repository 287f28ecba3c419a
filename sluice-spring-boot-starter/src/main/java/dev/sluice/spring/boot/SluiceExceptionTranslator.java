package dev.sluice.spring.boot;

import dev.sluice.error.BadSqlException;
import dev.sluice.error.ConcurrencyFailureException;
import dev.sluice.error.ConstraintViolationException;
import dev.sluice.error.DataException;
import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.DeadlockException;
import dev.sluice.error.IllegalUseException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.MappingException;
import dev.sluice.error.PermissionDeniedException;
import dev.sluice.error.QueryCancelledException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TooManyRowsException;
import dev.sluice.error.TransactionTimeoutException;
import dev.sluice.error.TransientResourceException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.UnsupportedByDialectException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Sluice's exceptions as Spring's {@link DataAccessException}s, each with the Sluice exception as
 * its cause (so {@code sql()}, {@code sqlState()}, the constraint and the table stay reachable):
 *
 * <pre>
 * UniqueViolationException             DuplicateKeyException
 * other ConstraintViolationException   DataIntegrityViolationException
 * DataException (ValueTooLong, ...)    DataIntegrityViolationException
 * LockNotAvailableException            CannotAcquireLockException
 * Deadlock-, SerializationFailure-     PessimisticLockingFailureException
 * other ConcurrencyFailureException    org.springframework.dao.ConcurrencyFailureException
 * QueryCancelled-, QueryTimeout-,
 *   TransactionTimeoutException        QueryTimeoutException
 * TransientResourceException
 *   (connection lost, acquire timeout) TransientDataAccessResourceException
 * BadSqlException                      InvalidDataAccessResourceUsageException
 * PermissionDeniedException            PermissionDeniedDataAccessException
 * TooManyRowsException                 IncorrectResultSizeDataAccessException (expected 1)
 * DatabaseClosedException              DataAccessResourceFailureException
 * MappingException                     TypeMismatchDataAccessException
 * UnsupportedByDialect-, IllegalUse-   InvalidDataAccessApiUsageException
 * anything else                        UncategorizedSluiceException
 * </pre>
 *
 * <p>As a {@link PersistenceExceptionTranslator} bean it serves Spring's translation machinery;
 * for reactive code, {@link SpringErrors} applies it to a {@code Mono} or {@code Flux}.
 */
public class SluiceExceptionTranslator implements PersistenceExceptionTranslator {

  /** The matching {@link DataAccessException}, or null when {@code ex} is not a Sluice exception. */
  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    return ex instanceof SluiceException s ? translate(s) : null;
  }

  /** The matching {@link DataAccessException}; never null. */
  public DataAccessException translate(SluiceException e) {
    String msg = e.getMessage();
    if (e instanceof UniqueViolationException) {
      return new DuplicateKeyException(msg, e);
    }
    if (e instanceof ConstraintViolationException || e instanceof DataException) {
      return new DataIntegrityViolationException(msg, e);
    }
    if (e instanceof LockNotAvailableException) {
      return new CannotAcquireLockException(msg, e);
    }
    if (e instanceof DeadlockException || e instanceof SerializationFailureException) {
      return new PessimisticLockingFailureException(msg, e);
    }
    if (e instanceof ConcurrencyFailureException) {
      return new org.springframework.dao.ConcurrencyFailureException(msg, e);
    }
    if (e instanceof QueryCancelledException || e instanceof TransactionTimeoutException) {
      return new QueryTimeoutException(msg, e);
    }
    if (e instanceof TransientResourceException) {
      return new TransientDataAccessResourceException(msg, e);
    }
    if (e instanceof BadSqlException) {
      return new InvalidDataAccessResourceUsageException(msg, e);
    }
    if (e instanceof PermissionDeniedException) {
      return new PermissionDeniedDataAccessException(msg, e);
    }
    if (e instanceof TooManyRowsException) {
      return new IncorrectResultSizeDataAccessException(msg, 1, e);
    }
    if (e instanceof DatabaseClosedException) {
      return new DataAccessResourceFailureException(msg, e);
    }
    if (e instanceof MappingException) {
      return new TypeMismatchDataAccessException(msg, e);
    }
    if (e instanceof UnsupportedByDialectException || e instanceof IllegalUseException) {
      return new InvalidDataAccessApiUsageException(msg, e);
    }
    if (e.isTransient()) {
      return new TransientDataAccessResourceException(msg, e);
    }
    return new UncategorizedSluiceException(e);
  }
}
