package dev.sluice.internal;

import dev.sluice.schema.DataType;
import dev.sluice.schema.JsonCodec;
import dev.sluice.sql.Expr;
import io.r2dbc.spi.Row;
import java.util.List;

/**
 * The data types of a select list, with what reading each of its values takes worked out once, when
 * a reader is made: the class asked of the driver, and whether the driver's value is already the
 * Java value (no codec, not JSON). A row's value of such a column costs the driver's {@code get}
 * and one class comparison; the others go through their codec as {@link Readers#value} reads them.
 */
public final class ValueTypes {
  private final DataType<?>[] types;
  /** The class asked of the driver for each value: the codec's stored type, JSON's text, or the Java type. */
  private final Class<?>[] asked;
  /** Whether the driver's value of that class is the Java value as it is. */
  private final boolean[] direct;

  private ValueTypes(DataType<?>[] types) {
    this.types = types;
    this.asked = new Class<?>[types.length];
    this.direct = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      boolean json = types[i].codec() instanceof JsonCodec<?>;
      asked[i] = json ? String.class : types[i].driverType();
      direct[i] = types[i].codec() == null;
    }
  }

  /** The types of {@code select}'s values, in order. */
  public static ValueTypes of(List<? extends Expr<?>> select) {
    DataType<?>[] types = new DataType<?>[select.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = select.get(i).dataType();
    }
    return new ValueTypes(types);
  }

  /** The types of a record's columns, in order. */
  static ValueTypes ofColumns(List<? extends dev.sluice.schema.Column<?>> columns) {
    DataType<?>[] types = new DataType<?>[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).dataType();
    }
    return new ValueTypes(types);
  }

  /** How many values a row has. */
  public int size() {
    return types.length;
  }

  /** The value at {@code index} as its type's Java type, through its codec. */
  public Object value(Row row, int index) {
    Object v = row.get(index, asked[index]);
    if (v == null || direct[index] && v.getClass() == asked[index]) {
      return v;  // what the driver gave is the Java value (the check keeps a driver's wrong class from passing)
    }
    DataType<?> type = types[index];
    return type.codec() instanceof JsonCodec<?> json ? json.read(v, JsonRows.of(row)) : type.fromDriver(v);
  }

  /** All the values of {@code row}, in order. */
  public Object[] values(Row row) {
    Object[] out = new Object[types.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(row, i);
    }
    return out;
  }
}
