package dev.sluice.redis.internal;

import dev.sluice.error.DataException;
import dev.sluice.error.MappingException;
import dev.sluice.redis.ValueCodec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A record's components as hash fields: names, codecs, reading and building. Immutable. */
public final class RecordFields<R extends Record> {
  private final Class<R> type;
  private final List<Field> fields;
  private final Map<String, Field> byName;
  private final Constructor<R> constructor;

  /** One component: its name, Java type, codec and accessor. */
  public record Field(String name, Class<?> javaType, ValueCodec<Object> codec, RecordComponent component) {}

  private RecordFields(Class<R> type) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; a RedisHash maps a record's components to hash fields");
    }
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    List<Field> list = new ArrayList<>();
    Map<String, Field> names = new HashMap<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      c.getAccessor().setAccessible(true);
      Field f = new Field(c.getName(), c.getType(), codecFor(c.getType()), c);
      list.add(f);
      names.put(f.name(), f);
    }
    try {
      this.constructor = type.getDeclaredConstructor(types);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new MappingException("Cannot use the canonical constructor of " + type.getName(), e);
    }
    this.fields = List.copyOf(list);
    this.byName = Map.copyOf(names);
  }

  public static <R extends Record> RecordFields<R> of(Class<R> type) {
    return new RecordFields<>(type);
  }

  public List<String> names() { return fields.stream().map(Field::name).toList(); }

  /** The field of a component name, or a MappingException naming the record's components. */
  public Field field(String name) {
    Field f = byName.get(name);
    if (f == null) {
      throw new MappingException(type.getSimpleName() + " has no component '" + name + "'; its components are " + names());
    }
    return f;
  }

  /** The field of a component, checked to be of the (boxed) type, or a MappingException naming both. */
  public Field checked(String name, Class<?> boxedType) {
    Field f = field(name);
    if (box(f.javaType()) != boxedType) {
      throw new MappingException("Component " + name + " of " + type.getSimpleName() + " is a "
          + f.javaType().getSimpleName() + ", not " + boxedType.getSimpleName());
    }
    return f;
  }

  /** The non-null components as field → bytes, in declaration order. */
  public Map<byte[], byte[]> encode(R record) {
    Map<byte[], byte[]> out = new LinkedHashMap<>();
    for (Field f : fields) {
      Object v = read(f, record);
      if (v != null) {
        byte[] bytes;
        try {
          bytes = f.codec().encode(v);
        } catch (DataException e) {
          throw new DataException("Component " + f.name() + " of " + type.getSimpleName() + ": " + e.getMessage(),
              e, null, null, f.name());
        }
        out.put(f.name().getBytes(StandardCharsets.UTF_8), bytes);
      }
    }
    return out;
  }

  /** The names of the null components (which put removes from the hash). */
  public List<String> nullFields(R record) {
    return fields.stream().filter(f -> read(f, record) == null).map(Field::name).toList();
  }

  /** A record from the hash's fields; a missing field is null, or an error for a primitive. */
  public R decode(Map<String, byte[]> stored, String key) {
    Object[] args = new Object[fields.size()];
    for (int i = 0; i < args.length; i++) {
      Field f = fields.get(i);
      byte[] raw = stored.get(f.name());
      if (raw == null) {
        if (f.javaType().isPrimitive()) {
          throw new MappingException("Hash " + key + " has no field '" + f.name() + "' for the primitive component "
              + f.javaType() + " " + f.name() + " of " + type.getSimpleName());
        }
        continue;
      }
      args[i] = f.codec().decode(raw);
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new MappingException("The constructor of " + type.getSimpleName() + " refused hash " + key + ": "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new MappingException("Cannot build " + type.getSimpleName() + " from hash " + key, e);
    }
  }

  private Object read(Field f, R record) {
    try {
      return f.component().getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new MappingException("Cannot read component " + f.name() + " of " + type.getSimpleName(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static ValueCodec<Object> codecFor(Class<?> t) {
    Class<?> boxed = box(t);
    ValueCodec<?> c;
    if (boxed == String.class || boxed == Long.class || boxed == Integer.class || boxed == Double.class || boxed == byte[].class) {
      c = Codecs.forType(boxed);
    } else if (boxed == Boolean.class) {
      c = textCodec(Boolean.class, String::valueOf, s -> switch (s) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw new IllegalArgumentException("not a boolean: " + s);
      });
    } else if (boxed == Short.class) {
      c = textCodec(Short.class, String::valueOf, Short::valueOf);
    } else if (boxed == Float.class) {
      c = textCodec(Float.class, String::valueOf, Float::valueOf);
    } else if (boxed == BigDecimal.class) {
      c = textCodec(BigDecimal.class, BigDecimal::toString, BigDecimal::new);   // toString keeps the scale (1E+3)
    } else if (boxed == UUID.class) {
      c = textCodec(UUID.class, UUID::toString, UUID::fromString);
    } else if (boxed == Instant.class) {
      c = textCodec(Instant.class, Instant::toString, Instant::parse);
    } else if (boxed == LocalDate.class) {
      c = textCodec(LocalDate.class, LocalDate::toString, LocalDate::parse);
    } else if (boxed == LocalDateTime.class) {
      c = textCodec(LocalDateTime.class, LocalDateTime::toString, LocalDateTime::parse);
    } else if (boxed == OffsetDateTime.class) {
      c = textCodec(OffsetDateTime.class, OffsetDateTime::toString, OffsetDateTime::parse);
    } else if (boxed == Duration.class) {
      c = textCodec(Duration.class, Duration::toString, Duration::parse);
    } else if (boxed.isEnum()) {
      Class<? extends Enum> e = (Class<? extends Enum>) boxed;
      c = textCodec((Class) e, v -> ((Enum<?>) v).name(), s -> Enum.valueOf(e, s));
    } else {
      c = Codecs.json(boxed, Codecs.MAPPER);
    }
    return (ValueCodec<Object>) c;
  }

  private static <V> ValueCodec<V> textCodec(Class<V> type, Function<V, String> write, Function<String, V> read) {
    return new ValueCodec<>() {
      @Override public byte[] encode(V value) { return write.apply(value).getBytes(StandardCharsets.UTF_8); }

      @Override public V decode(byte[] bytes) {
        try {
          return read.apply(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
          throw new MappingException("Cannot read " + type.getSimpleName() + " from the stored value " + Codecs.preview(bytes), e);
        }
      }

      @Override public Class<V> type() { return type; }
    };
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) return t;
    if (t == int.class) return Integer.class;
    if (t == long.class) return Long.class;
    if (t == double.class) return Double.class;
    if (t == boolean.class) return Boolean.class;
    if (t == short.class) return Short.class;
    if (t == float.class) return Float.class;
    throw new MappingException("Unsupported primitive component type " + t + " in a RedisHash");
  }
}
