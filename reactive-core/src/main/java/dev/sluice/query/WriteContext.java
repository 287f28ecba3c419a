package dev.sluice.query;

import dev.sluice.validation.RowValidator;
import java.time.Clock;
import java.util.Objects;

/**
 * What the write builders take from the {@code Database} besides the executor: the clock that fills
 * {@code createdAt()}/{@code updatedAt()} columns, and the row validator (null when none).
 */
final class WriteContext {
  private final Clock clock;
  private final RowValidator validator;

  WriteContext(Clock clock, RowValidator validator) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validator = validator;
  }

  Clock clock() { return clock; }

  /** The validator, or null when the database validates nothing. */
  RowValidator validator() { return validator; }
}
