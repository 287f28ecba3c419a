package dev.sluice.validation;

import dev.sluice.error.ValidationException;
import java.util.List;

/**
 * Checks a row before Sluice sends the statement that writes it; given to
 * {@code DatabaseBuilder.validator(...)}. {@link BeanValidation} checks the Jakarta Bean Validation
 * annotations of the row record. Called on the caller's thread (a Reactor thread): it must not block.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).validator(BeanValidation.create()).build();
 * }</pre>
 */
public interface RowValidator {
  /** The constraints {@code row} (a whole record) breaks; empty when it is valid. */
  List<ValidationException.Violation> validate(Object row);

  /**
   * The constraints {@code value} would break as component {@code property} of a record of
   * {@code rowType} (for a partial insert or an UPDATE's {@code SET column = value}).
   */
  List<ValidationException.Violation> validateValue(Class<?> rowType, String property, Object value);
}
