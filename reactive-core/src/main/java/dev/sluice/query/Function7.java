package dev.sluice.query;

/**
 * A function of 7 arguments, such as the canonical constructor of a 7-component record.
 * @param <A> argument 1
 * @param <B> argument 2
 * @param <C> argument 3
 * @param <D> argument 4
 * @param <E> argument 5
 * @param <F> argument 6
 * @param <G> argument 7
 * @param <X> the result
 */
@FunctionalInterface
public interface Function7<A, B, C, D, E, F, G, X> {
  X apply(A a, B b, C c, D d, E e, F f, G g);
}
