package dev.sluice.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code description} of a record's schema, or of one of its components' properties. A table's
 * columns take theirs from {@code Column.comment("...")}; on a table's row record this annotation
 * describes the table's schema.
 *
 * <pre>{@code
 * @Description("A page of users")
 * public record UserPage(@Description("Users on this page") List<User> users, int total) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface Description {
  /** The description, plain text or CommonMark. */
  String value();
}
