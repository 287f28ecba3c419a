package dev.sluice.openapi;

import dev.sluice.error.MappingException;

/**
 * A table column, record component or Java type that cannot be described as an OpenAPI schema, or
 * two of them that would share one component name. The message names the table and column, or the
 * record and component, and the type.
 */
public class OpenApiException extends MappingException {
  /** An error with its message. */
  public OpenApiException(String message) {
    super(message);
  }

  /** An error with its message and cause. */
  public OpenApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
