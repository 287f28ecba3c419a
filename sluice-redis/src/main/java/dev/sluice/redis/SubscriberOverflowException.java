package dev.sluice.redis;

import dev.sluice.error.TransientDataException;

/**
 * A subscriber fell behind a pub/sub channel by more than its buffer
 * ({@link SubscribeOptions#buffer(int)}) and its policy was {@link SubscribeOptions.Overflow#FAIL}:
 * the subscription ends, and the messages after the buffer were not delivered. Subscribing again
 * receives new messages (Redis pub/sub keeps none for absent subscribers).
 */
public class SubscriberOverflowException extends TransientDataException {
  private final int buffer;

  public SubscriberOverflowException(String channel, int buffer) {
    super("The subscriber of " + channel + " fell more than " + buffer + " messages behind; the subscription ended (Overflow.FAIL)",
        null, "SUBSCRIBE " + channel);
    this.buffer = buffer;
  }

  /** The buffer that overflowed. */
  public int buffer() { return buffer; }
}
