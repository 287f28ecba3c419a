package dev.sluice.mongo;

import java.util.function.Function;

/**
 * A field holding an embedded document, declared by an {@link Embedded} and read as its record.
 * {@link #at} reaches a field inside it, typed, for filters, sorts and updates:
 *
 * <pre>{@code
 * eq(USERS.address.at(a -> a.city), "Oslo")      // {"address.city": "Oslo"}
 * }</pre>
 *
 * @param <D> the record of the embedded document
 * @param <S> its declaration
 */
public final class DocumentField<D, S extends Embedded<D>> extends Field<D> {
  private final S shape;

  DocumentField(String path, S shape) {
    super(path, shape.valueType());
    this.shape = shape;
  }

  /** A field of the embedded document, under this field's path. */
  public <T> Field<T> at(Function<S, Field<T>> field) {
    return field.apply(shape).under(path());
  }

  /** An array field of the embedded document, under this field's path. */
  public <E> ArrayField<E> atArray(Function<S, ArrayField<E>> field) {
    return field.apply(shape).under(path());
  }
}
