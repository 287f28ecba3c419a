package dev.sluice.cache;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One row of a cached result: while the driver's row is live, it reads through to it and records
 * every value read (by index or name, with the Java type asked for); once {@linkplain #freeze()
 * frozen} it answers the same reads from what it recorded, so that the reader that mapped the live
 * row maps the cached one to an equal value. Mutable values ({@code byte[]}, {@code ByteBuffer}) are
 * handed out as copies, so that a caller changing one cannot change the cache.
 *
 * <p>The executor makes these; users never do.
 */
public final class CapturedRow implements Row {
  private Row live;
  private Object[] keys;
  private Class<?>[] types;
  private Object[] values;
  private int size;
  private List<String> names;

  private CapturedRow(Row live, int capacity) {
    this.live = live;
    this.keys = new Object[capacity];
    this.types = new Class<?>[capacity];
    this.values = new Object[capacity];
  }

  /** A row recording what is read through it from {@code live}, until {@link #freeze()}. */
  public static CapturedRow of(Row live) {
    return new CapturedRow(java.util.Objects.requireNonNull(live, "live"), 8);
  }

  /** A frozen row holding these reads (what the cache's codec decodes). */
  static CapturedRow frozen(Object[] keys, Class<?>[] types, Object[] values, List<String> names) {
    CapturedRow row = new CapturedRow(null, keys.length);
    System.arraycopy(keys, 0, row.keys, 0, keys.length);
    System.arraycopy(types, 0, row.types, 0, types.length);
    System.arraycopy(values, 0, row.values, 0, values.length);
    row.size = keys.length;
    row.names = names;
    return row;
  }

  /** Stops reading through: from now on only what was recorded is answered. Returns this row. */
  public CapturedRow freeze() {
    live = null;
    return this;
  }

  @Override public <T> T get(int index, Class<T> type) {
    return read(index, type);
  }

  @Override public <T> T get(String name, Class<T> type) {
    return read(name, type);
  }

  @Override public Object get(int index) {
    return read(index, Object.class);
  }

  @Override public Object get(String name) {
    return read(name, Object.class);
  }

  @Override public RowMetadata getMetadata() {
    if (names == null) {
      if (live == null) {
        throw new IllegalStateException("This cached row was read without its column names");
      }
      List<? extends ColumnMetadata> meta = live.getMetadata().getColumnMetadatas();
      List<String> n = new ArrayList<>(meta.size());
      meta.forEach(m -> n.add(m.getName()));
      names = List.copyOf(n);
    }
    return new Names(names);
  }

  int size() { return size; }

  Object key(int i) { return keys[i]; }

  Class<?> type(int i) { return types[i]; }

  Object value(int i) { return values[i]; }

  List<String> names() { return names; }

  @SuppressWarnings("unchecked")
  private <T> T read(Object key, Class<T> type) {
    for (int i = 0; i < size; i++) {
      if (types[i] == type && keys[i].equals(key)) {
        return (T) copy(values[i]);
      }
    }
    if (live == null) {
      throw new NoSuchElementException("This cached row holds no value for " + key + " as " + type.getName());
    }
    T v = key instanceof Integer i ? live.get(i, type) : live.get((String) key, type);
    record(key, type, v);
    return (T) copy(v);
  }

  private void record(Object key, Class<?> type, Object value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      types = Arrays.copyOf(types, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    types[size] = type;
    values[size] = value instanceof ByteBuffer b ? copyOf(b) : value instanceof byte[] a ? a.clone() : value;
    size++;
  }

  private static Object copy(Object v) {
    if (v instanceof byte[] a) {
      return a.clone();
    }
    if (v instanceof ByteBuffer b) {
      return copyOf(b);
    }
    return v;
  }

  private static ByteBuffer copyOf(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    ByteBuffer c = ByteBuffer.allocate(d.remaining());
    c.put(d).flip();
    return c;
  }

  /** The column names of a cached row. */
  private record Names(List<String> names) implements RowMetadata {
    @Override public ColumnMetadata getColumnMetadata(int index) {
      return new Column(names.get(index));
    }

    @Override public ColumnMetadata getColumnMetadata(String name) {
      for (String n : names) {
        if (n.equalsIgnoreCase(name)) {
          return new Column(n);
        }
      }
      throw new NoSuchElementException("No column " + name + " in " + names);
    }

    @Override public List<? extends ColumnMetadata> getColumnMetadatas() {
      List<Column> all = new ArrayList<>(names.size());
      names.forEach(n -> all.add(new Column(n)));
      return all;
    }
  }

  /** A column of a cached row: its name only. */
  private record Column(String name) implements ColumnMetadata {
    @Override public Type getType() {
      return new Type() {
        @Override public Class<?> getJavaType() { return Object.class; }

        @Override public String getName() { return "cached"; }
      };
    }

    @Override public String getName() { return name; }
  }
}
