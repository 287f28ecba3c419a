package dev.sluice.internal;

import java.time.Duration;

/**
 * How long a failed replica stays out of the rotation: {@code initial} after the first failure,
 * doubled after each failed health check, at most {@code max}.
 */
record Backoff(Duration initial, Duration max) {
  Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("The replica back-off must be positive and its maximum at least the "
          + "initial period, was " + initial + " and " + max);
    }
  }

  /** The period after the {@code failures}-th failure in a row (1 = the first). */
  Duration after(int failures) {
    Duration d = initial;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
