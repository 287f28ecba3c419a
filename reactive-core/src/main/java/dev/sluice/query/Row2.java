package dev.sluice.query;

/**
 * A typed row of 2 selected values, from {@code db.select(...)}.
 *
 * @param value1 value 1
 * @param value2 value 2
 * @param <A> type of value 1
 * @param <B> type of value 2
 */
public record Row2<A, B>(A value1, B value2) {}
