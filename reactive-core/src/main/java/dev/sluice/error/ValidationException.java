package dev.sluice.error;

import java.util.List;
import java.util.Objects;

/**
 * A row broke the constraints declared on its record (Jakarta Bean Validation annotations, checked
 * by the {@code RowValidator} given to the database) and the statement was not sent. Lists every
 * violation, not only the first; the rejected values themselves are left out of the message, as
 * bound values are.
 *
 * <pre>{@code
 * db.insertInto(USERS).values(new User(null, "", "not-an-email")).execute()
 * // ValidationException: 2 constraint violations on a row of users: email: must be a well-formed
 * //   email address; name: must not be blank
 * }</pre>
 */
public class ValidationException extends SluiceException {
  private final String table;
  private final List<Violation> violations;

  /**
   * One broken constraint.
   *
   * @param property   the record component (the path, for a nested bean)
   * @param message    the constraint's message
   * @param constraint the simple name of the constraint annotation, such as {@code NotBlank}
   */
  public record Violation(String property, String message, String constraint) {
    public Violation {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(message, "message");
    }

    @Override public String toString() { return property + ": " + message; }
  }

  public ValidationException(String table, List<Violation> violations) {
    super(message(table, violations));
    this.table = table;
    this.violations = List.copyOf(violations);
  }

  private static String message(String table, List<Violation> violations) {
    StringBuilder m = new StringBuilder().append(violations.size())
        .append(violations.size() == 1 ? " constraint violation" : " constraint violations")
        .append(" on a row of ").append(table).append(": ");
    for (int i = 0; i < violations.size(); i++) {
      m.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return m.toString();
  }

  /** The table the row was written to. */
  public String table() { return table; }

  /** Every violation, ordered by property then message. */
  public List<Violation> violations() { return violations; }
}
