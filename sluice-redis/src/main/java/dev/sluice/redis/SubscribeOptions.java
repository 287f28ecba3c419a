package dev.sluice.redis;

import dev.sluice.error.IllegalUseException;

/**
 * How a subscription copes with a subscriber slower than its channel. Redis pushes messages as they
 * are published and cannot be asked to wait, so each subscription keeps at most {@code buffer}
 * messages the subscriber has not requested yet; when one more arrives, the {@link Overflow}
 * policy decides. The default: a buffer of 1,024 and {@link Overflow#FAIL}.
 *
 * <pre>{@code
 * redis.subscribe(PRICES, "eur", SubscribeOptions.buffer(256).onOverflow(Overflow.DROP_OLDEST))
 * }</pre>
 *
 * @param bufferSize messages kept for a slow subscriber, at least 1
 * @param overflow what happens when the buffer is full and one more message arrives
 */
public record SubscribeOptions(int bufferSize, Overflow overflow) {
  /** The default: 1,024 messages, then {@link Overflow#FAIL}. */
  public static final SubscribeOptions DEFAULT = new SubscribeOptions(1024, Overflow.FAIL);

  /** What a full buffer does with one more message. */
  public enum Overflow {
    /** End the subscription with {@link SubscriberOverflowException}: nothing is lost silently. */
    FAIL,
    /** Drop the oldest buffered message and keep the new one: the subscriber sees the latest. */
    DROP_OLDEST,
    /** Drop the new message: the subscriber sees the buffered ones first, then what comes after room frees. */
    DROP_NEWEST
  }

  public SubscribeOptions {
    if (bufferSize < 1) {
      throw new IllegalUseException("A subscription buffer holds at least 1 message, was " + bufferSize);
    }
    if (overflow == null) {
      throw new IllegalUseException("An overflow policy is required");
    }
  }

  /** A buffer of {@code size} messages, failing on overflow. */
  public static SubscribeOptions buffer(int size) {
    return new SubscribeOptions(size, Overflow.FAIL);
  }

  /** The same buffer with another policy. */
  public SubscribeOptions onOverflow(Overflow policy) {
    return new SubscribeOptions(bufferSize, policy);
  }
}
