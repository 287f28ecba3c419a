package dev.sluice.examples.service;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem details: invalid input 400, a duplicate key or a stale version 409.
 * The database errors arrive as Spring's {@code DataAccessException}s, translated by the starter.
 */
@RestControllerAdvice
public class Problems {

  @ExceptionHandler(InvalidInput.class)
  ProblemDetail invalid(InvalidInput e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid input");
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A row with the same key exists");
    p.setTitle("Duplicate key");
    if (e.getCause() instanceof dev.sluice.error.ConstraintViolationException c) {
      p.setProperty("constraint", c.constraint());
    }
    return p;
  }

  @ExceptionHandler(ConcurrencyFailureException.class)
  ProblemDetail stale(ConcurrencyFailureException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The row was changed since it was read; read it again");
    p.setTitle("Conflict");
    return p;
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The change breaks a constraint");
    p.setTitle("Constraint violated");
    return p;
  }
}
