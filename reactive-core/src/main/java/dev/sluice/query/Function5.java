package dev.sluice.query;

/**
 * A function of 5 arguments, such as the canonical constructor of a 5-component record.
 * @param <A> argument 1
 * @param <B> argument 2
 * @param <C> argument 3
 * @param <D> argument 4
 * @param <E> argument 5
 * @param <X> the result
 */
@FunctionalInterface
public interface Function5<A, B, C, D, E, X> {
  X apply(A a, B b, C c, D d, E e);
}
