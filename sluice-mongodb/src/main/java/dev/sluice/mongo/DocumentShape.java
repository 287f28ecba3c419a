package dev.sluice.mongo;

import dev.sluice.mongo.internal.RecordCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;

/**
 * The typed fields of a document and the record it is read into: the common part of a
 * {@link Collection} and an {@link Embedded} document. Fields are {@code public final} instance
 * fields made by the factories below, in declaration order; the record's components are matched to
 * them by name ({@code id} to {@code _id}) when the shape is first used, and a mismatch is a
 * {@link dev.sluice.error.MappingException} naming both.
 *
 * @param <R> the record a document is read into
 */
public abstract class DocumentShape<R> {
  private final Class<R> recordType;
  private final List<Field<?>> fields = new ArrayList<>();
  private volatile RecordCodec<R> codec;

  protected DocumentShape(Class<R> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    this.recordType = recordType;
  }

  /** The record a document is read into. */
  public final Class<R> recordType() { return recordType; }

  /** The declared fields, in declaration order. */
  public final List<Field<?>> fields() { return Collections.unmodifiableList(fields); }

  /** A name for messages. */
  abstract String describe();

  /** The codec between documents and records, built and checked on first use. */
  public final RecordCodec<R> codec() {
    RecordCodec<R> c = codec;
    if (c == null) {
      c = RecordCodec.of(recordType, fields, describe(), this instanceof Collection<?> col ? col.name() : null);
      codec = c;
    }
    return c;
  }

  /** This shape as a value type: an embedded document read into its record. */
  final ValueType<R> valueType() {
    return new ValueType<>() {
      @Override public Class<?> javaType() { return recordType; }

      @Override public void write(org.bson.BsonWriter w, R value) { codec().write(w, value); }

      @Override public R read(org.bson.BsonReader r) { return codec().read(r); }

      @Override public String toString() { return recordType.getSimpleName(); }
    };
  }

  /** A field of any value type (a user codec). */
  protected final <T> Field<T> field(String name, ValueType<T> type) {
    return add(new Field<>(name, type));
  }

  /** The document's id, stored as {@code _id}; a null id of type ObjectId or UUID is generated on insert. */
  protected final <T> Field<T> id(ValueType<T> type) {
    return add(new Field<>("_id", type));
  }

  /** An ObjectId id, generated on insert when null. */
  protected final Field<ObjectId> objectIdKey() { return id(ValueTypes.OBJECT_ID); }

  protected final Field<String> string(String name) { return field(name, ValueTypes.STRING); }

  protected final Field<Integer> int32(String name) { return field(name, ValueTypes.INT32); }

  protected final Field<Long> int64(String name) { return field(name, ValueTypes.INT64); }

  protected final Field<Double> float64(String name) { return field(name, ValueTypes.DOUBLE); }

  /** A {@code BigDecimal} stored as Decimal128. */
  protected final Field<BigDecimal> decimal(String name) { return field(name, ValueTypes.DECIMAL); }

  protected final Field<Boolean> bool(String name) { return field(name, ValueTypes.BOOLEAN); }

  /** An {@code Instant} stored as a BSON date (milliseconds). */
  protected final Field<Instant> instant(String name) { return field(name, ValueTypes.INSTANT); }

  /** A UUID stored as binary subtype 4. */
  protected final Field<UUID> uuid(String name) { return field(name, ValueTypes.UUID_TYPE); }

  protected final Field<ObjectId> objectId(String name) { return field(name, ValueTypes.OBJECT_ID); }

  /** An enum stored as its constant's name. */
  protected final <E extends Enum<E>> Field<E> enumeration(String name, Class<E> type) {
    return field(name, ValueTypes.enumOf(type));
  }

  /** An array of values of one type. */
  protected final <E> ArrayField<E> array(String name, ValueType<E> element) {
    return add(new ArrayField<>(name, element));
  }

  /** An embedded document, read into the record of its declaration. */
  protected final <D, S extends Embedded<D>> DocumentField<D, S> document(String name, S shape) {
    return add(new DocumentField<>(name, shape));
  }

  /** An array of embedded documents. */
  protected final <D> ArrayField<D> documents(String name, Embedded<D> shape) {
    return add(new ArrayField<>(name, shape.valueType()));
  }

  private <F extends Field<?>> F add(F field) {
    for (Field<?> f : fields) {
      if (f.path().equals(field.path())) {
        throw new IllegalArgumentException(describe() + " declares the field '" + field.path() + "' twice");
      }
    }
    fields.add(field);
    return field;
  }
}
