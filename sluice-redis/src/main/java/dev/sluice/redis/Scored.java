package dev.sluice.redis;

/**
 * A sorted set's member with its score.
 *
 * @param member the member
 * @param score its score
 * @param <V> the member's type
 */
public record Scored<V>(V member, double score) {}
