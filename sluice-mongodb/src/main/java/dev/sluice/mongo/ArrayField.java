package dev.sluice.mongo;

import java.util.List;

/**
 * A field holding a BSON array of one element type: {@code array("tags", ValueTypes.STRING)}.
 * The array operators of {@link MongoDsl} ({@code contains}, {@code containsAll}, {@code size},
 * {@code elemMatch}) and the updates {@code push}/{@code pull} take the element type.
 *
 * @param <E> the element type
 */
public final class ArrayField<E> extends Field<List<E>> {
  private final ValueType<E> element;

  ArrayField(String path, ValueType<E> element) {
    super(path, ValueTypes.listOf(element));
    this.element = element;
  }

  /** How each element is stored. */
  public ValueType<E> element() { return element; }

  @Override ArrayField<E> under(String parent) {
    return new ArrayField<>(parent + "." + path(), element);
  }
}
