package dev.sluice.studio;

import java.util.Map;

/**
 * A request the studio refuses, with the HTTP status and a message saying what was wrong; sent as
 * {@code {"error": message, "status": status, ...details}}.
 */
final class HttpError extends RuntimeException {
  private final int status;
  private final transient Map<String, Object> details;

  HttpError(int status, String message) {
    this(status, message, Map.of());
  }

  HttpError(int status, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.status = status;
    this.details = Map.copyOf(details);
  }

  static HttpError badRequest(String message) { return new HttpError(400, message); }

  static HttpError forbidden(String message) { return new HttpError(403, message); }

  static HttpError notFound(String message) { return new HttpError(404, message); }

  int status() { return status; }

  /** More fields for the JSON body (e.g. the column and value of a conflict). */
  Map<String, Object> details() { return details; }
}
