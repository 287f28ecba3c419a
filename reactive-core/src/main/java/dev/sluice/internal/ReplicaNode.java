package dev.sluice.internal;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read replica and its health: in the rotation, or out until a time (its back-off) after which
 * a health check may bring it back. Lock-free: concurrent reads that fail on it take it out once.
 */
final class ReplicaNode {
  private record Health(boolean up, int failures, long retryAt) {}

  private final String name;
  private final ConnectionFactory factory;
  private final ConnectionFactory given;
  private final boolean owned;
  private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, 0, 0));
  private final AtomicBoolean checking = new AtomicBoolean();
  private final java.util.concurrent.atomic.LongAdder reads = new java.util.concurrent.atomic.LongAdder();

  ReplicaNode(String name, ConnectionFactory factory, ConnectionFactory given, boolean owned) {
    this.name = name;
    this.factory = factory;
    this.given = given;
    this.owned = owned;
  }

  String name() { return name; }

  /** The reads that ran on it (each attempt counts). */
  java.util.concurrent.atomic.LongAdder reads() { return reads; }

  /** Its pool (or its factory, when Sluice does not pool). */
  ConnectionFactory factory() { return factory; }

  /** The factory it was given, before Sluice pooled it. */
  ConnectionFactory given() { return given; }

  /** Whether Sluice pooled this replica's factory itself (and so closes the pool). */
  boolean owned() { return owned; }

  boolean up() { return health.get().up(); }

  /** Out, its back-off over, and no health check running: the caller may start one. */
  boolean claimCheck(long now) {
    Health h = health.get();
    return !h.up() && now - h.retryAt() >= 0 && checking.compareAndSet(false, true);
  }

  /**
   * Takes it out after a failed read, at {@code now}: the back-off if this call took it out, null
   * if it was out already.
   */
  Duration takeOut(long now, Backoff backoff) {
    Health h = health.get();
    if (!h.up()) {
      return null;
    }
    Duration period = backoff.after(1);
    return health.compareAndSet(h, new Health(false, 1, now + period.toNanos())) ? period : null;
  }

  /** A health check failed at {@code now}: out again, for a longer period, which it returns. */
  Duration checkFailed(long now, Backoff backoff) {
    Health h = health.get();
    Duration period = backoff.after(h.failures() + 1);
    health.set(new Health(false, h.failures() + 1, now + period.toNanos()));
    checking.set(false);
    return period;
  }

  /** A health check passed: back in the rotation. */
  void checkPassed() {
    health.set(new Health(true, 0, 0));
    checking.set(false);
  }
}
