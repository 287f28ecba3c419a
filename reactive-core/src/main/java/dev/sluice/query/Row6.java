package dev.sluice.query;

/**
 * A typed row of 6 selected values, from {@code db.select(...)}.
 *
 * @param value1 value 1
 * @param value2 value 2
 * @param value3 value 3
 * @param value4 value 4
 * @param value5 value 5
 * @param value6 value 6
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 * @param <D> type of value 4
 * @param <E> type of value 5
 * @param <F> type of value 6
 */
public record Row6<A, B, C, D, E, F>(A value1, B value2, C value3, D value4, E value5, F value6) {}
