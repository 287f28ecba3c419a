package dev.sluice.query;

/**
 * A function of 3 arguments, such as the canonical constructor of a 3-component record.
 * @param <A> argument 1
 * @param <B> argument 2
 * @param <C> argument 3
 * @param <X> the result
 */
@FunctionalInterface
public interface Function3<A, B, C, X> {
  X apply(A a, B b, C c);
}
