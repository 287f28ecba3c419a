package dev.sluice.mongo.internal;

import dev.sluice.mongo.ValueRefusedException;
import dev.sluice.mongo.ValueType;
import dev.sluice.mongo.ValueTypes;
import org.bson.BsonBoolean;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;

/** Moves single values between {@link ValueType}s and {@link BsonValue}s (filters, updates, distinct). */
public final class Values {
  private Values() {}

  /**
   * The value of the field at {@code path} as a BSON value, {@code BsonNull} for null; a value the
   * type refuses is a {@link ValueRefusedException} naming {@code path}.
   */
  public static <T> BsonValue toBson(ValueType<T> type, T value, String path) {
    if (value == null) {
      return BsonNull.VALUE;
    }
    BsonValue direct = direct(type, value, path);
    if (direct != null) {
      return direct;
    }
    BsonDocument holder = new BsonDocument();
    BsonDocumentWriter w = new BsonDocumentWriter(holder);
    w.writeStartDocument();
    w.writeName("v");
    try {
      type.write(w, value);
    } catch (ValueRefusedException e) {
      throw e.under(path, null);
    }
    w.writeEndDocument();
    return holder.get("v");
  }

  /** The BSON value of the common types made directly (no document and writer per filter value), else null. */
  private static BsonValue direct(ValueType<?> type, Object value, String path) {
    if (type == ValueTypes.OBJECT_ID) {
      return new BsonObjectId((ObjectId) value);
    } else if (type == ValueTypes.STRING) {
      try {
        return new BsonString(Texts.checked((String) value));
      } catch (ValueRefusedException e) {
        throw e.under(path, null);
      }
    } else if (type == ValueTypes.INT32) {
      return new BsonInt32((Integer) value);
    } else if (type == ValueTypes.INT64) {
      return new BsonInt64((Long) value);
    } else if (type == ValueTypes.BOOLEAN) {
      return BsonBoolean.valueOf((Boolean) value);
    } else if (type == ValueTypes.DOUBLE) {
      return new BsonDouble((Double) value);
    }
    return null;
  }

  /** The Java value of a BSON value, null for BSON null or undefined. */
  public static <T> T fromBson(ValueType<T> type, BsonValue value) {
    if (value == null || value.isNull() || value.getBsonType() == BsonType.UNDEFINED) {
      return null;
    }
    BsonDocumentReader r = new BsonDocumentReader(new BsonDocument("v", value));
    r.readStartDocument();
    r.readName();
    return type.read(r);
  }

  /** Writes a possibly null value. */
  public static <T> void write(BsonWriter writer, ValueType<T> type, T value) {
    if (value == null) {
      writer.writeNull();
    } else {
      type.write(writer, value);
    }
  }

  /** Reads a possibly null value at the current position. */
  public static <T> T read(BsonReader reader, ValueType<T> type) {
    BsonType t = reader.getCurrentBsonType();
    if (t == BsonType.NULL) {
      reader.readNull();
      return null;
    }
    if (t == BsonType.UNDEFINED) {
      reader.readUndefined();
      return null;
    }
    return type.read(reader);
  }
}
