package dev.sluice.validation;

import dev.sluice.error.ValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RowValidator} on Jakarta Bean Validation: the constraint annotations of the row record's
 * components ({@code @NotBlank}, {@code @Email}, {@code @Size}, {@code @Min}, ...). Needs
 * {@code jakarta.validation-api} and a provider (Hibernate Validator, plus an EL implementation
 * such as {@code org.glassfish.expressly} for its messages) on the class path; Sluice itself does not
 * bring them.
 *
 * <pre>{@code
 * public record User(Integer id, @NotBlank String name, @Email String email) {}
 * Database db = Database.builder().url(url).validator(BeanValidation.create()).build();
 * db.insertInto(USERS).values(new User(null, " ", "x")).execute(); // ValidationException, nothing sent
 * }</pre>
 */
public final class BeanValidation implements RowValidator {
  private final Validator validator;

  private BeanValidation(Validator validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** Validation with the default provider's validator (built once, here). */
  public static BeanValidation create() {
    return new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator());
  }

  /** Validation with a validator configured by the application. */
  public static BeanValidation of(Validator validator) {
    return new BeanValidation(validator);
  }

  @Override public List<ValidationException.Violation> validate(Object row) {
    return violations(validator.validate(row));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override public List<ValidationException.Violation> validateValue(Class<?> rowType, String property,
      Object value) {
    return violations((Set) validator.validateValue((Class) rowType, property, value));
  }

  private static List<ValidationException.Violation> violations(Set<? extends ConstraintViolation<?>> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<ValidationException.Violation> out = new ArrayList<>(found.size());
    for (ConstraintViolation<?> v : found) {
      out.add(new ValidationException.Violation(v.getPropertyPath().toString(), v.getMessage(),
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
    }
    out.sort(Comparator.comparing(ValidationException.Violation::property)
        .thenComparing(ValidationException.Violation::message));
    return out;
  }
}
