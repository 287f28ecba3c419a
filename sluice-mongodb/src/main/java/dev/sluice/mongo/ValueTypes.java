package dev.sluice.mongo;

import dev.sluice.error.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The built-in {@link ValueType}s. Numbers read leniently where no precision is lost (an
 * {@code Integer} field reads a BSON int64 that fits, as {@code $sum} may return); anything else
 * that does not fit is a {@link MappingException} naming both types.
 */
public final class ValueTypes {
  private ValueTypes() {}

  /** BSON string (UTF-8); a string with a lone UTF-16 surrogate, which UTF-8 cannot hold, is refused. */
  public static final ValueType<String> STRING = of(String.class, (w, v) -> w.writeString(dev.sluice.mongo.internal.Texts.checked(v)),
      BsonReader::readString, BsonType.STRING);

  /** BSON boolean. */
  public static final ValueType<Boolean> BOOLEAN = of(Boolean.class, BsonWriter::writeBoolean,
      BsonReader::readBoolean, BsonType.BOOLEAN);

  /** BSON int32; reads an int64 or double holding an int. */
  public static final ValueType<Integer> INT32 = of(Integer.class, BsonWriter::writeInt32, r -> {
    BsonType t = r.getCurrentBsonType();
    if (t == BsonType.INT32) {
      return r.readInt32();
    }
    BigDecimal n = readNumber(r, Integer.class);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw new MappingException("BSON " + t + " value " + n + " does not fit an Integer", e);
    }
  });

  /** BSON int64; reads an int32, or a double holding a whole number. */
  public static final ValueType<Long> INT64 = of(Long.class, BsonWriter::writeInt64, r -> {
    BsonType t = r.getCurrentBsonType();
    if (t == BsonType.INT64) {
      return r.readInt64();
    }
    if (t == BsonType.INT32) {
      return (long) r.readInt32();
    }
    BigDecimal n = readNumber(r, Long.class);
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw new MappingException("BSON " + t + " value " + n + " does not fit a Long", e);
    }
  });

  /** BSON double; reads any number. */
  public static final ValueType<Double> DOUBLE = of(Double.class, BsonWriter::writeDouble, r -> {
    BsonType t = r.getCurrentBsonType();
    if (t == BsonType.DOUBLE) {
      return r.readDouble();
    }
    return readNumber(r, Double.class).doubleValue();
  });

  /**
   * BSON Decimal128 (34 significant digits, exponents -6176 to 6111), stored exactly: a
   * {@code BigDecimal} it cannot hold with the same digits and scale is refused
   * ({@link ValueRefusedException}), never rounded. Reads any number.
   */
  public static final ValueType<BigDecimal> DECIMAL = of(BigDecimal.class, (w, v) -> w.writeDecimal128(decimal128(v)),
      r -> readNumber(r, BigDecimal.class));

  /**
   * BSON date: milliseconds since the epoch. An {@code Instant} finer than a millisecond, or
   * beyond a 64-bit count of milliseconds, is refused ({@link ValueRefusedException}), never truncated.
   */
  public static final ValueType<Instant> INSTANT = of(Instant.class, (w, v) -> w.writeDateTime(epochMilli(v)),
      r -> Instant.ofEpochMilli(r.readDateTime()), BsonType.DATE_TIME);

  /** BSON binary subtype 4 (the standard UUID representation). */
  public static final ValueType<UUID> UUID_TYPE = of(UUID.class,
      (w, v) -> w.writeBinaryData(new BsonBinary(v, UuidRepresentation.STANDARD)),
      r -> {
        BsonBinary b = r.readBinaryData();
        if (b.getType() != BsonBinarySubType.UUID_STANDARD.getValue()) {
          throw new MappingException("BSON binary of subtype " + b.getType() + " is not a standard UUID (subtype 4)");
        }
        return b.asUuid();
      }, BsonType.BINARY);

  /** BSON ObjectId. */
  public static final ValueType<ObjectId> OBJECT_ID = of(ObjectId.class, BsonWriter::writeObjectId,
      BsonReader::readObjectId, BsonType.OBJECT_ID);

  /** An enum stored as its constant's name. */
  public static <E extends Enum<E>> ValueType<E> enumOf(Class<E> type) {
    return of(type, (w, v) -> w.writeString(v.name()), r -> {
      String name = r.readString();
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw new MappingException("'" + name + "' is not a constant of " + type.getName(), e);
      }
    }, BsonType.STRING);
  }

  /** A BSON array of elements of one type. */
  public static <E> ValueType<List<E>> listOf(ValueType<E> element) {
    return new ValueType<>() {
      @Override public Class<?> javaType() { return List.class; }

      @Override public void write(BsonWriter w, List<E> v) {
        w.writeStartArray();
        for (E e : v) {
          dev.sluice.mongo.internal.Values.write(w, element, e);
        }
        w.writeEndArray();
      }

      @Override public List<E> read(BsonReader r) {
        expect(r, BsonType.ARRAY, List.class);
        r.readStartArray();
        List<E> out = new ArrayList<>();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
          out.add(dev.sluice.mongo.internal.Values.read(r, element));
        }
        r.readEndArray();
        return java.util.Collections.unmodifiableList(out);
      }
    };
  }

  /** A user type stored as another type (a codec): {@code map(DECIMAL, Money.class, Money::new, Money::amount)}. */
  public static <S, T> ValueType<T> map(ValueType<S> stored, Class<T> type, Function<S, T> read, Function<T, S> write) {
    return of(type, (w, v) -> stored.write(w, write.apply(v)), r -> read.apply(stored.read(r)));
  }

  private interface Writer<T> {
    void write(BsonWriter w, T value);
  }

  private interface Reader<T> {
    T read(BsonReader r);
  }

  private static <T> ValueType<T> of(Class<T> type, Writer<T> writer, Reader<T> reader, BsonType expected) {
    return of(type, writer, r -> {
      expect(r, expected, type);
      return reader.read(r);
    });
  }

  private static <T> ValueType<T> of(Class<T> type, Writer<T> writer, Reader<T> reader) {
    return new ValueType<>() {
      @Override public Class<?> javaType() { return type; }

      @Override public void write(BsonWriter w, T value) { writer.write(w, value); }

      @Override public T read(BsonReader r) { return reader.read(r); }

      @Override public String toString() { return type.getSimpleName(); }
    };
  }

  private static void expect(BsonReader r, BsonType expected, Class<?> type) {
    BsonType t = r.getCurrentBsonType();
    if (t != expected) {
      throw new MappingException("BSON " + t + " cannot be read as " + type.getSimpleName()
          + " (expected BSON " + expected + ")");
    }
  }

  /** The Decimal128 holding exactly {@code v} (the same unscaled value and scale), or a refusal. */
  static Decimal128 decimal128(BigDecimal v) {
    Decimal128 d;
    try {
      d = new Decimal128(v);
    } catch (NumberFormatException | AssertionError e) {
      throw new ValueRefusedException("BigDecimal " + v + " (" + v.precision() + " digits, scale " + v.scale()
          + ") cannot be stored exactly as a Decimal128 (34 significant digits, exponent -6176 to 6111)", e);
    }
    BigDecimal back = d.bigDecimalValue();
    if (!back.equals(v)) {
      throw new ValueRefusedException("BigDecimal " + v + " (" + v.precision() + " digits, scale " + v.scale()
          + ") cannot be stored exactly as a Decimal128 (34 significant digits): it would be stored as " + back
          + " (scale " + back.scale() + ")");
    }
    return d;
  }

  /** The instant's milliseconds, or a refusal when a BSON date would not hold it exactly. */
  static long epochMilli(Instant v) {
    if (v.getNano() % 1_000_000 != 0) {
      throw new ValueRefusedException("Instant " + v + " is finer than a millisecond, which a BSON date cannot hold"
          + " (truncate it first, e.g. instant.truncatedTo(ChronoUnit.MILLIS))");
    }
    try {
      return v.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new ValueRefusedException("Instant " + v + " is beyond the range of a BSON date", e);
    }
  }

  private static BigDecimal readNumber(BsonReader r, Class<?> type) {
    BsonType t = r.getCurrentBsonType();
    return switch (t) {
      case INT32 -> BigDecimal.valueOf(r.readInt32());
      case INT64 -> BigDecimal.valueOf(r.readInt64());
      case DOUBLE -> BigDecimal.valueOf(r.readDouble());
      case DECIMAL128 -> {
        Decimal128 d = r.readDecimal128();
        try {
          yield d.bigDecimalValue();
        } catch (ArithmeticException e) {
          throw new MappingException("BSON DECIMAL128 " + d + " cannot be read as " + type.getSimpleName(), e);
        }
      }
      default -> throw new MappingException("BSON " + t + " cannot be read as " + type.getSimpleName()
          + " (expected a number)");
    };
  }
}
