package dev.sluice.query;

/**
 * A function of 8 arguments, such as the canonical constructor of a 8-component record.
 * @param <A> argument 1
 * @param <B> argument 2
 * @param <C> argument 3
 * @param <D> argument 4
 * @param <E> argument 5
 * @param <F> argument 6
 * @param <G> argument 7
 * @param <H> argument 8
 * @param <X> the result
 */
@FunctionalInterface
public interface Function8<A, B, C, D, E, F, G, H, X> {
  X apply(A a, B b, C c, D d, E e, F f, G g, H h);
}
