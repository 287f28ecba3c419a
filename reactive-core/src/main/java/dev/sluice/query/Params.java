package dev.sluice.query;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.sql.Param;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Bind parameters for plain Java values whose SQL type is inferred from their class. */
final class Params {
  private Params() {}

  private static final Map<Class<?>, SqlKind> KINDS = Map.ofEntries(
      Map.entry(Short.class, SqlKind.SMALLINT), Map.entry(Integer.class, SqlKind.INTEGER),
      Map.entry(Long.class, SqlKind.BIGINT), Map.entry(Boolean.class, SqlKind.BOOLEAN),
      Map.entry(String.class, SqlKind.TEXT), Map.entry(BigDecimal.class, SqlKind.DECIMAL),
      Map.entry(Float.class, SqlKind.REAL), Map.entry(Double.class, SqlKind.DOUBLE),
      Map.entry(LocalDate.class, SqlKind.DATE), Map.entry(LocalTime.class, SqlKind.TIME),
      Map.entry(LocalDateTime.class, SqlKind.TIMESTAMP), Map.entry(OffsetDateTime.class, SqlKind.TIMESTAMPTZ),
      Map.entry(UUID.class, SqlKind.UUID), Map.entry(byte[].class, SqlKind.BYTES));

  static <T> DataType<T> typeOf(Class<T> type) {
    SqlKind kind = KINDS.get(type);
    if (kind == null) {
      throw new IllegalArgumentException("Cannot infer a SQL type for " + type.getName()
          + "; pass a Field or use a column's type");
    }
    return DataType.of(kind, type);
  }

  @SuppressWarnings("unchecked")
  static Param<?> of(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A raw-SQL argument is null: bind a typed null through a Field");
    }
    if (value instanceof Enum<?> e) {
      return new Param<>(e.name(), DataType.of(SqlKind.TEXT, String.class));
    }
    return new Param<>(value, (DataType<Object>) typeOf((Class<Object>) value.getClass()));
  }
}
