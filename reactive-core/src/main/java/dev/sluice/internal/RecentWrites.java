package dev.sluice.internal;

import java.util.concurrent.atomic.AtomicLong;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * When the last write of a Reactor {@code Context} ran, for the read-your-writes window of
 * {@link ReplicaRouter}: reads in the window after a write go to the primary. A Context carries one
 * only when the application opened it ({@code ReadYourWrites.session()}), because the Context flows
 * from the subscriber up: a write cannot leave a mark for a later, separate subscription unless both
 * see the same holder.
 */
public final class RecentWrites {
  private static final Object KEY = RecentWrites.class.getName();
  private static final long NEVER = Long.MIN_VALUE;

  private final AtomicLong last = new AtomicLong(NEVER);

  private RecentWrites() {}

  /** {@code context} with a fresh holder, or as is if it carries one already. */
  public static Context open(Context context) {
    return context.hasKey(KEY) ? context : context.put(KEY, new RecentWrites());
  }

  /** The holder of {@code context}, or null. */
  static RecentWrites in(ContextView context) {
    return context.getOrDefault(KEY, null);
  }

  /** Notes a write at {@code nanos} ({@code System.nanoTime()} or the router's clock). */
  void touch(long nanos) {
    last.set(nanos);
  }

  /** True when a write was noted less than {@code window} nanoseconds before {@code nanos}. */
  boolean within(long nanos, long window) {
    long at = last.get();
    return at != NEVER && nanos - at < window;
  }
}
