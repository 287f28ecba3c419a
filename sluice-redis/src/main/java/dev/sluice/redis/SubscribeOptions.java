package dev.sluice.redis;

import dev.sluice.error.IllegalUseException;
import java.util.function.Consumer;

/**
 * How a subscription copes with a subscriber slower than its channel. Redis pushes messages as they
 * are published and cannot be asked to wait, so each subscription keeps at most {@code buffer}
 * messages the subscriber has not requested yet; when one more arrives, the {@link Overflow}
 * policy decides. The default: a buffer of 1,024 and {@link Overflow#FAIL}. With a drop policy,
 * {@code onDrop} sees each message dropped (on the connection's thread: count it, do not block).
 *
 * <pre>{@code
 * redis.subscribe(PRICES, "eur", SubscribeOptions.buffer(256).onOverflow(Overflow.DROP_OLDEST))
 * }</pre>
 *
 * @param bufferSize messages kept for a slow subscriber, at least 1
 * @param overflow what happens when the buffer is full and one more message arrives
 * @param onDrop called with each message a drop policy dropped
 */
public record SubscribeOptions(int bufferSize, Overflow overflow, Consumer<Object> onDrop) {
  /** The default: 1,024 messages, then {@link Overflow#FAIL}. */
  public static final SubscribeOptions DEFAULT = new SubscribeOptions(1024, Overflow.FAIL, dropped -> {});

  /** What a full buffer does with one more message. */
  public enum Overflow {
    /**
     * End the subscription: the connection is closed at once, the subscriber receives the messages
     * already buffered, then {@link SubscriberOverflowException}. Nothing is lost silently.
     */
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
    if (onDrop == null) {
      throw new IllegalUseException("A drop hook is required (dropped -> {} for none)");
    }
  }

  /** A buffer of {@code size} messages, failing on overflow. */
  public static SubscribeOptions buffer(int size) {
    return new SubscribeOptions(size, Overflow.FAIL, DEFAULT.onDrop());
  }

  /** The same buffer with another policy. */
  public SubscribeOptions onOverflow(Overflow policy) {
    return new SubscribeOptions(bufferSize, policy, onDrop);
  }

  /** The same options, telling {@code hook} of each dropped message. */
  public SubscribeOptions onDrop(Consumer<Object> hook) {
    return new SubscribeOptions(bufferSize, overflow, hook);
  }
}
