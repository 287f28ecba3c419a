package dev.sluice.migrations.pull;

import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * The Java of one column: its value type ({@code Integer}) and the factory call that declares it
 * ({@code varchar("name", 80)}), chosen so that the code's snapshot of the column is the
 * introspected one. A type with no factory of its own (a decimal without precision) is declared
 * through its {@code DataType}; a custom type is a {@code Column<Object>} passed through as the driver reads it.
 *
 * @param javaType the value type, as written in the record (simple name, see {@link #imports})
 * @param factory  the factory call, without modifiers
 * @param imports  the classes the two need
 */
record ColumnSource(String javaType, String factory, List<String> imports) {

  /** The source for {@code c}; {@code enumType} is the enum's Java type and constant for an enum column. */
  static ColumnSource of(ColumnSnapshot c, String[] enumType) {
    ColumnType t = c.type();
    String n = JavaText.string(c.name());
    if (c.identity()) {
      switch (t.kind()) {
        case INTEGER -> { return new ColumnSource("Integer", "serial(" + n + ")", List.of()); }
        case BIGINT -> { return new ColumnSource("Long", "bigserial(" + n + ")", List.of()); }
        default -> { } // an identity of another type is declared as its type (reported by the writer)
      }
    }
    return switch (t.kind()) {
      case SMALLINT -> new ColumnSource("Short", "smallint(" + n + ")", List.of());
      case INTEGER -> new ColumnSource("Integer", "integer(" + n + ")", List.of());
      case BIGINT -> new ColumnSource("Long", "bigint(" + n + ")", List.of());
      case BOOLEAN -> new ColumnSource("Boolean", "bool(" + n + ")", List.of());
      case VARCHAR -> t.length() > 0 ? new ColumnSource("String", "varchar(" + n + ", " + t.length() + ")", List.of())
          : dataType(n, t, "String", List.of());
      case CHAR -> t.length() > 0 ? new ColumnSource("String", "fixedChar(" + n + ", " + t.length() + ")", List.of())
          : dataType(n, t, "String", List.of());
      case TEXT -> new ColumnSource("String", "text(" + n + ")", List.of());
      case DECIMAL -> t.precision() > 0
          ? new ColumnSource("BigDecimal", "decimal(" + n + ", " + t.precision() + ", " + t.scale() + ")", List.of("java.math.BigDecimal"))
          : dataType(n, t, "BigDecimal", List.of("java.math.BigDecimal"));
      case REAL -> new ColumnSource("Float", "real(" + n + ")", List.of());
      case DOUBLE -> new ColumnSource("Double", "doublePrecision(" + n + ")", List.of());
      case DATE -> new ColumnSource("LocalDate", "date(" + n + ")", List.of("java.time.LocalDate"));
      case TIME -> new ColumnSource("LocalTime", "time(" + n + ")", List.of("java.time.LocalTime"));
      case TIMESTAMP -> new ColumnSource("LocalDateTime", "timestamp(" + n + ")", List.of("java.time.LocalDateTime"));
      case TIMESTAMPTZ -> new ColumnSource("OffsetDateTime", "timestamptz(" + n + ")", List.of("java.time.OffsetDateTime"));
      case UUID -> new ColumnSource("UUID", "uuid(" + n + ")", List.of("java.util.UUID"));
      case JSON -> new ColumnSource("String", "json(" + n + ")", List.of());
      case JSONB -> new ColumnSource("String", "jsonb(" + n + ")", List.of());
      case BYTES -> new ColumnSource("byte[]", "bytes(" + n + ")", List.of());
      case ENUM -> new ColumnSource(enumType[0], "column(" + n + ", " + enumType[1] + ")", List.of());
      case CUSTOM -> new ColumnSource("Object", "column(" + n + ", DataType.custom(" + JavaText.string(t.name())
          + ", Object.class, null))", List.of("dev.sluice.schema.DataType"));
      case SERIAL, BIGSERIAL -> throw new IllegalStateException("never in a snapshot: " + t.kind());
    };
  }

  private static ColumnSource dataType(String n, ColumnType t, String javaType, List<String> imports) {
    List<String> all = new java.util.ArrayList<>(imports);
    all.add("dev.sluice.schema.DataType");
    all.add("dev.sluice.schema.SqlKind");
    return new ColumnSource(javaType, "column(" + n + ", new DataType<>(SqlKind." + t.kind() + ", " + javaType + ".class, "
        + t.length() + ", " + t.precision() + ", " + t.scale() + ", null, null))", all);
  }

  /**
   * The modifier that gives {@code c} its default as the code would snapshot it, or null when the
   * value cannot be written so (the caller then writes it as SQL and reports it).
   */
  static String defaultModifier(ColumnSnapshot c, ColumnSource source, String[] enumConstant) {
    ColumnDefault d = c.defaultValue();
    if (d.kind() == ColumnDefault.Kind.SQL) {
      return ".defaultSql(" + JavaText.string(d.value()) + ")";
    }
    String v = d.value();
    String literal = switch (source.javaType) {
      case "String" -> d.kind() == ColumnDefault.Kind.STRING ? JavaText.string(v) : null;
      case "Boolean" -> d.kind() == ColumnDefault.Kind.BOOLEAN ? v : null;
      case "Short" -> number(d, v, Short::parseShort, x -> "(short) " + x);
      case "Integer" -> number(d, v, Integer::parseInt, x -> x);
      case "Long" -> number(d, v, Long::parseLong, x -> x + "L");
      case "Float" -> number(d, v, Float::parseFloat, x -> x + "F");
      case "Double" -> number(d, v, Double::parseDouble, x -> x);
      case "BigDecimal" -> d.kind() == ColumnDefault.Kind.NUMBER ? "new BigDecimal(" + JavaText.string(new BigDecimal(v).toString()) + ")" : null;
      case "LocalDate", "LocalTime", "LocalDateTime", "OffsetDateTime" -> parsed(d, v, source.javaType);
      case "UUID" -> d.kind() == ColumnDefault.Kind.STRING && uuid(v) ? "UUID.fromString(" + JavaText.string(v) + ")" : null;
      default -> enumConstant != null && d.kind() == ColumnDefault.Kind.STRING ? enumConstant[0] : null;
    };
    return literal == null ? null : ".defaultValue(" + literal + ")";
  }

  /** A number literal of the column's type ({@code 1} for a double column is {@code 1.0}: the same value). */
  private static String number(ColumnDefault d, String v, java.util.function.Function<String, Object> parse,
      java.util.function.UnaryOperator<String> spell) {
    if (d.kind() != ColumnDefault.Kind.NUMBER) {
      return null;
    }
    try {
      return spell.apply(parse.apply(v).toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String parsed(ColumnDefault d, String v, String javaType) {
    if (d.kind() != ColumnDefault.Kind.STRING) {
      return null;
    }
    try {
      Object x = switch (javaType) {
        case "LocalDate" -> java.time.LocalDate.parse(v);
        case "LocalTime" -> java.time.LocalTime.parse(v);
        case "LocalDateTime" -> java.time.LocalDateTime.parse(v);
        default -> java.time.OffsetDateTime.parse(v);
      };
      return x.toString().equals(v) ? javaType + ".parse(" + JavaText.string(v) + ")" : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static boolean uuid(String v) {
    try {
      return java.util.UUID.fromString(v).toString().equals(v);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
