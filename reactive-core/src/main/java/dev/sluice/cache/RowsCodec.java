package dev.sluice.cache;

import dev.sluice.error.MappingException;
import dev.sluice.error.UncacheableValueException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sluice's cache format: the values a reader took from the driver, each with a type tag, encoded so
 * that every one reads back equal and of the same class: a {@code BigDecimal} keeps its scale, a
 * {@code double} its exact bits (including -0.0 and NaN), times their nanoseconds and offsets, text
 * every UTF-16 unit (even an unpaired surrogate). The Java types asked for and the value types form
 * a closed set (no class names are stored, none is loaded on decoding): anything else fails with
 * {@link UncacheableValueException}.
 */
final class RowsCodec {
  private static final int MAGIC = 0x53514331; // "SQC1"

  /** The classes a value or a requested type may have, by tag; the index is the tag. */
  private static final Class<?>[] TYPES = {
      Object.class, String.class, Integer.class, Long.class, Short.class, Byte.class, Boolean.class,
      Double.class, Float.class, BigDecimal.class, BigInteger.class, LocalDate.class, LocalTime.class,
      LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, Instant.class, ZonedDateTime.class,
      UUID.class, byte[].class, ByteBuffer.class, Duration.class, Object[].class, String[].class,
      Integer[].class, Long[].class, Short[].class, Boolean[].class, Double[].class, Float[].class,
      BigDecimal[].class, LocalDate[].class, LocalDateTime[].class, OffsetDateTime[].class, UUID[].class,
      Character.class};
  private static final int NULL = 255;
  private static final int STRING16 = 254;

  private RowsCodec() { }

  static byte[] encode(List<CapturedRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(rows.size());
      for (CapturedRow row : rows) {
        List<String> names = row.names();
        out.writeInt(names == null ? -1 : names.size());
        if (names != null) {
          for (String n : names) {
            name(out, n);
          }
        }
        out.writeInt(row.size());
        for (int i = 0; i < row.size(); i++) {
          Object key = row.key(i);
          if (key instanceof Integer index) {
            out.writeByte(0);
            out.writeInt(index);
          } else {
            out.writeByte(1);
            name(out, (String) key);
          }
          out.writeByte(tag(row.type(i)));
          value(out, row.value(i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<CapturedRow> decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (bytes.length < 8 || in.readInt() != MAGIC) {
        throw new MappingException("A query cache entry is not in Sluice's cache format (bad header)");
      }
      int count = in.readInt();
      List<CapturedRow> rows = new ArrayList<>(count);
      for (int r = 0; r < count; r++) {
        int n = in.readInt();
        List<String> names = null;
        if (n >= 0) {
          List<String> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(name(in));
          }
          names = List.copyOf(list);
        }
        int size = in.readInt();
        Object[] keys = new Object[size];
        Class<?>[] types = new Class<?>[size];
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
          keys[i] = in.readByte() == 0 ? (Object) in.readInt() : name(in);
          types[i] = type(in.readUnsignedByte());
          values[i] = value(in);
        }
        rows.add(CapturedRow.frozen(keys, types, values, names));
      }
      if (in.available() > 0) {
        throw new MappingException("A query cache entry has " + in.available() + " bytes after its last row");
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof MappingException m) {
        throw m;
      }
      throw new MappingException("A query cache entry is truncated or corrupt: " + e, e);
    }
  }

  private static int tag(Class<?> type) {
    for (int i = 0; i < TYPES.length; i++) {
      if (TYPES[i] == type) {
        return i;
      }
    }
    throw new UncacheableValueException(type);
  }

  private static Class<?> type(int tag) {
    if (tag >= TYPES.length) {
      throw new MappingException("A query cache entry names an unknown type tag " + tag);
    }
    return TYPES[tag];
  }

  private static void value(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
      return;
    }
    if (v instanceof String s && !wellFormed(s)) {
      out.writeByte(STRING16);
      out.writeInt(s.length());
      out.writeChars(s);
      return;
    }
    int tag = v instanceof ByteBuffer ? 20 : tag(v.getClass());
    out.writeByte(tag);
    switch (tag) {
      case 1 -> text(out, (String) v);
      case 2 -> out.writeInt((Integer) v);
      case 3 -> out.writeLong((Long) v);
      case 4 -> out.writeShort((Short) v);
      case 5 -> out.writeByte((Byte) v);
      case 6 -> out.writeBoolean((Boolean) v);
      case 7 -> out.writeLong(Double.doubleToRawLongBits((Double) v));
      case 8 -> out.writeInt(Float.floatToRawIntBits((Float) v));
      case 9 -> {
        BigDecimal d = (BigDecimal) v;
        out.writeInt(d.scale());
        blob(out, d.unscaledValue().toByteArray());
      }
      case 10 -> blob(out, ((BigInteger) v).toByteArray());
      case 11 -> out.writeLong(((LocalDate) v).toEpochDay());
      case 12 -> out.writeLong(((LocalTime) v).toNanoOfDay());
      case 13 -> dateTime(out, (LocalDateTime) v);
      case 14 -> {
        OffsetDateTime t = (OffsetDateTime) v;
        dateTime(out, t.toLocalDateTime());
        out.writeInt(t.getOffset().getTotalSeconds());
      }
      case 15 -> {
        OffsetTime t = (OffsetTime) v;
        out.writeLong(t.toLocalTime().toNanoOfDay());
        out.writeInt(t.getOffset().getTotalSeconds());
      }
      case 16 -> {
        Instant t = (Instant) v;
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
      }
      case 17 -> {
        ZonedDateTime t = (ZonedDateTime) v;
        dateTime(out, t.toLocalDateTime());
        out.writeInt(t.getOffset().getTotalSeconds());
        text(out, t.getZone().getId());
      }
      case 18 -> {
        UUID u = (UUID) v;
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
      }
      case 19 -> blob(out, (byte[]) v);
      case 20 -> {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        blob(out, a);
      }
      case 21 -> {
        Duration d = (Duration) v;
        out.writeLong(d.getSeconds());
        out.writeInt(d.getNano());
      }
      case 35 -> out.writeChar((Character) v);
      default -> { // arrays of the types above
        int n = Array.getLength(v);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
          value(out, Array.get(v, i));
        }
      }
    }
  }

  private static Object value(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag == NULL) {
      return null;
    }
    if (tag == STRING16) {
      int n = in.readInt();
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = in.readChar();
      }
      return new String(chars);
    }
    Class<?> type = type(tag);
    switch (tag) {
      case 1: return text(in);
      case 2: return in.readInt();
      case 3: return in.readLong();
      case 4: return in.readShort();
      case 5: return in.readByte();
      case 6: return in.readBoolean();
      case 7: return Double.longBitsToDouble(in.readLong());
      case 8: return Float.intBitsToFloat(in.readInt());
      case 9: {
        int scale = in.readInt();
        return new BigDecimal(new BigInteger(blob(in)), scale);
      }
      case 10: return new BigInteger(blob(in));
      case 11: return LocalDate.ofEpochDay(in.readLong());
      case 12: return LocalTime.ofNanoOfDay(in.readLong());
      case 13: return dateTime(in);
      case 14: return OffsetDateTime.of(dateTime(in), ZoneOffset.ofTotalSeconds(in.readInt()));
      case 15: return OffsetTime.of(LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
      case 16: return Instant.ofEpochSecond(in.readLong(), in.readInt());
      case 17: {
        LocalDateTime t = dateTime(in);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
        return ZonedDateTime.ofStrict(t, offset, ZoneId.of(text(in)));
      }
      case 18: return new UUID(in.readLong(), in.readLong());
      case 19: return blob(in);
      case 20: return ByteBuffer.wrap(blob(in));
      case 21: return Duration.ofSeconds(in.readLong(), in.readInt());
      case 35: return in.readChar();
      case 0:
        throw new MappingException("A query cache entry holds a value tagged as Object");
      default: {
        int n = in.readInt();
        Object array = Array.newInstance(type.getComponentType(), n);
        for (int i = 0; i < n; i++) {
          Array.set(array, i, value(in));
        }
        return array;
      }
    }
  }

  private static void dateTime(DataOutputStream out, LocalDateTime t) throws IOException {
    out.writeLong(t.toLocalDate().toEpochDay());
    out.writeLong(t.toLocalTime().toNanoOfDay());
  }

  private static LocalDateTime dateTime(DataInputStream in) throws IOException {
    return LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
  }

  /** A column name or label, kept unit for unit (UTF-8 when that is exact, else UTF-16). */
  private static void name(DataOutputStream out, String s) throws IOException {
    if (wellFormed(s)) {
      out.writeByte(0);
      text(out, s);
    } else {
      out.writeByte(1);
      out.writeInt(s.length());
      out.writeChars(s);
    }
  }

  private static String name(DataInputStream in) throws IOException {
    if (in.readByte() == 0) {
      return text(in);
    }
    int n = in.readInt();
    if (n < 0 || 2L * n > in.available()) {
      throw new MappingException("A query cache entry is truncated (a name of " + n + " units)");
    }
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    blob(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(DataInputStream in) throws IOException {
    return new String(blob(in), StandardCharsets.UTF_8);
  }

  private static void blob(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] blob(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new MappingException("A query cache entry is truncated (a value of " + n + " bytes)");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** Whether UTF-8 keeps every unit of {@code s}: no unpaired surrogate. */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
