package dev.sluice.query;

/**
 * A typed row of 1 selected value, from {@code db.select(...)}.
 *
 * @param value1 value 1
 * @param <A> type of value 1
 */
public record Row1<A>(A value1) {}
