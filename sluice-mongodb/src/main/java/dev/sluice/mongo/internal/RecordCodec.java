package dev.sluice.mongo.internal;

import dev.sluice.error.MappingException;
import dev.sluice.mongo.Field;
import dev.sluice.mongo.ValueRefusedException;
import dev.sluice.mongo.ValueType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * Reads a document straight from the driver's {@link BsonReader} into a record and writes a record
 * to its {@link BsonWriter}: each component is one key (the component {@code id} is {@code _id}),
 * read and written by its field's {@link ValueType}. Keys the record does not have are skipped; a
 * key the document lacks is null. Built once per record and shape, then immutable.
 *
 * @param <R> the record
 */
public final class RecordCodec<R> implements Codec<R>, ValueType<R> {
  private final Class<R> type;
  private final String[] keys;
  private final ValueType<Object>[] types;
  private final Method[] accessors;
  private final Class<?>[] rawTypes;
  private final Constructor<R> constructor;
  private final Map<String, Integer> slots = new HashMap<>();
  private final String collection;

  @SuppressWarnings("unchecked")
  private RecordCodec(Class<R> type, List<? extends Field<?>> fields, String where, boolean strict, String collection) {
    this.type = type;
    this.collection = collection;
    RecordComponent[] components = type.getRecordComponents();
    keys = new String[components.length];
    types = new ValueType[components.length];
    accessors = new Method[components.length];
    rawTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String key = c.getName().equals("id") ? "_id" : c.getName();
      Field<?> field = fields.stream().filter(f -> f.path().equals(key)).findFirst().orElse(null);
      ValueType<?> vt;
      if (field != null) {
        Class<?> expected = field.type().javaType();
        if (!expected.isAssignableFrom(box(c.getType()))) {
          throw new MappingException("record " + type.getSimpleName() + " component '" + c.getName() + "' is "
              + c.getType().getSimpleName() + " but field '" + key + "' of " + where + " is "
              + expected.getSimpleName());
        }
        vt = field.type();
      } else if (strict) {
        throw new MappingException("record " + type.getSimpleName() + " component '" + c.getName()
            + "' matches no field of " + where + " (fields: "
            + fields.stream().map(Field::path).toList() + ")");
      } else {
        vt = Inferred.valueType(c.getGenericType(), type.getSimpleName() + "." + c.getName());
      }
      keys[i] = key;
      types[i] = (ValueType<Object>) vt;
      accessors[i] = c.getAccessor();
      accessors[i].setAccessible(true);
      rawTypes[i] = c.getType();
      slots.put(key, i);
    }
    try {
      constructor = type.getDeclaredConstructor(rawTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new MappingException("record " + type.getName() + " has no canonical constructor", e);
    }
  }

  /**
   * The codec of a declared shape: every component must match a field of the same type;
   * {@code collection} is the collection's name, null for an embedded document.
   */
  public static <R> RecordCodec<R> of(Class<R> type, List<? extends Field<?>> fields, String where,
      String collection) {
    return new RecordCodec<>(type, fields, where, true, collection);
  }

  /**
   * The codec of a projection or an aggregation's output: components matching a field take its
   * type, the others a type inferred from the component's Java type.
   */
  public static <R> RecordCodec<R> projection(Class<R> type, List<? extends Field<?>> fields, String where) {
    return new RecordCodec<>(type, fields, where, false, null);
  }

  @Override public Class<R> getEncoderClass() { return type; }

  @Override public Class<?> javaType() { return type; }

  /** The document keys, in component order. */
  public List<String> keys() { return List.of(keys); }

  @Override public R decode(BsonReader reader, DecoderContext context) { return read(reader); }

  @Override public void encode(BsonWriter writer, R value, EncoderContext context) { write(writer, value); }

  @Override public R read(BsonReader reader) {
    if (reader.getCurrentBsonType() != null && reader.getCurrentBsonType() != BsonType.DOCUMENT) {
      throw new MappingException("BSON " + reader.getCurrentBsonType() + " cannot be read as record "
          + type.getSimpleName() + " (expected a document)");
    }
    Object[] args = new Object[keys.length];
    reader.readStartDocument();
    int next = 0;
    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
      String name = reader.readName();
      int slot = slotOf(name, next);
      if (slot < 0) {
        reader.skipValue();
      } else {
        next = slot + 1;
        try {
          args[slot] = Values.read(reader, types[slot]);
        } catch (MappingException e) {
          throw new MappingException("reading '" + name + "' into " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
      }
    }
    reader.readEndDocument();
    return construct(args);
  }

  /**
   * The component slot of a key, -1 if the record has none. A document written by this codec has
   * its keys in component order, so the slot after the last one read is tried first (one string
   * comparison instead of hashing the name and a map lookup per key).
   */
  private int slotOf(String name, int next) {
    if (next < keys.length && keys[next].equals(name)) {
      return next;
    }
    Integer slot = slots.get(name);
    return slot == null ? -1 : slot;
  }

  /**
   * Writes the record; a value its type refuses is a {@link ValueRefusedException} naming the
   * field (dotted inside embedded documents) and the collection.
   */
  @Override public void write(BsonWriter writer, R value) {
    writer.writeStartDocument();
    for (int i = 0; i < keys.length; i++) {
      Object v = get(value, i);
      if (v == null && keys[i].equals("_id")) {
        continue;
      }
      writer.writeName(keys[i]);
      try {
        Values.write(writer, types[i], v);
      } catch (ValueRefusedException e) {
        throw e.under(keys[i], collection);
      }
    }
    writer.writeEndDocument();
  }

  /** The value of the component stored under {@code key}. */
  public Object get(R value, String key) {
    Integer slot = slots.get(key);
    return slot == null ? null : get(value, slot);
  }

  /** A copy of the record with the component stored under {@code key} replaced. */
  public R with(R value, String key, Object replacement) {
    Object[] args = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      args[i] = get(value, i);
    }
    args[slots.get(key)] = replacement;
    return construct(args);
  }

  private Object get(R value, int i) {
    try {
      return accessors[i].invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new MappingException("cannot read " + type.getSimpleName() + "." + accessors[i].getName(), e);
    }
  }

  private R construct(Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null && rawTypes[i].isPrimitive()) {
        throw new MappingException("record " + type.getSimpleName() + " component '" + accessors[i].getName()
            + "' is a primitive " + rawTypes[i] + " but the document has no value for '" + keys[i] + "'");
      }
    }
    try {
      return constructor.newInstance(args);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new MappingException("cannot construct " + type.getSimpleName(), e);
    }
  }

  static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "boolean" -> Boolean.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      default -> Character.class;
    };
  }
}
