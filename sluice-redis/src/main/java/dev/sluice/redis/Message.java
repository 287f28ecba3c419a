package dev.sluice.redis;

/**
 * A message received through a pattern subscription, with the channel it was published on.
 *
 * @param channel the channel's id (the channel name without the store's and the family's prefix)
 * @param value the decoded message
 * @param <V> the message type
 */
public record Message<V>(String channel, V value) {}
