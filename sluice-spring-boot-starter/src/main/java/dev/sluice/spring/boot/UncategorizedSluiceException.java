package dev.sluice.spring.boot;

import dev.sluice.error.SluiceException;
import org.springframework.dao.UncategorizedDataAccessException;

/**
 * A Sluice error that matches no more specific Spring {@code DataAccessException} (an
 * {@link dev.sluice.error.UncategorizedDatabaseException}, or a new Sluice type); the Sluice
 * exception is its cause.
 */
public class UncategorizedSluiceException extends UncategorizedDataAccessException {
  public UncategorizedSluiceException(SluiceException cause) {
    super(cause.getMessage(), cause);
  }
}
