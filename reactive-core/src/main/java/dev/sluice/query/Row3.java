package dev.sluice.query;

/**
 * A typed row of 3 selected values, from {@code db.select(...)}.
 *
 * @param value1 value 1
 * @param value2 value 2
 * @param value3 value 3
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 */
public record Row3<A, B, C>(A value1, B value2, C value3) {}
