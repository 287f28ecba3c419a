package dev.sluice.query;

/**
 * A function of 4 arguments, such as the canonical constructor of a 4-component record.
 * @param <A> argument 1
 * @param <B> argument 2
 * @param <C> argument 3
 * @param <D> argument 4
 * @param <X> the result
 */
@FunctionalInterface
public interface Function4<A, B, C, D, X> {
  X apply(A a, B b, C c, D d);
}
