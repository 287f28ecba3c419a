package dev.sluice.internal;

import java.time.Duration;
import java.util.Optional;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/** Where the public {@code QueryTimeout} keeps a statement's limit in the Reactor {@code Context}. */
public final class QueryTimeoutKey {
  private QueryTimeoutKey() {}

  /** {@code context} with the limit {@code timeout}. */
  public static Context put(Context context, Duration timeout) {
    return context.put(QueryTimeoutKey.class, timeout);
  }

  /** The limit in {@code context}, if one was written. */
  public static Optional<Duration> in(ContextView context) {
    return context.getOrEmpty(QueryTimeoutKey.class);
  }
}
