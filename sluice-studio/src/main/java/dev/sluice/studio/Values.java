package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.schema.SqlKind;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Values between the database and the page, exactly. Out: numbers JavaScript could round (longs,
 * big integers, decimals, floating point) become strings with every digit the database gave; bytes
 * become {@code \x} and hex; dates and times ISO-8601. In: the page's text becomes the column's Java
 * type, or an {@link HttpError} 400 naming the column and what was wrong, never a value the database
 * would change (a decimal with more digits than its scale, a text longer than its length).
 */
final class Values {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private Values() { }

  /**
   * The JSON the page shows for {@code value} of {@code column}, as the driver returned it (a
   * {@code BOOLEAN} stored as 0/1, as on SQLite, shows as false/true).
   */
  static JsonNode toJson(StudioColumn column, Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (column.kind() == SqlKind.BOOLEAN && (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte)) {
      return JSON.booleanNode(((Number) value).longValue() != 0);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return JSON.numberNode(((Number) value).intValue());
    }
    if (value instanceof BigDecimal d) {
      return JSON.textNode(d.toPlainString());
    }
    if (value instanceof byte[] bytes) {
      return JSON.textNode("\\x" + HEX.formatHex(bytes));
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return JSON.textNode("\\x" + HEX.formatHex(bytes));
    }
    return JSON.textNode(value.toString()); // Long, BigInteger, Double, Float, String, UUID, java.time, ...
  }

  /**
   * The value to bind into {@code column} for the page's {@code text}; JSON null (or an absent value)
   * is SQL NULL, refused for a NOT NULL column.
   */
  static Object fromJson(StudioColumn column, JsonNode node) {
    if (node == null || node.isNull()) {
      if (!column.nullable()) {
        throw HttpError.badRequest("Column " + column.name() + " is NOT NULL: it cannot be set to null");
      }
      return null;
    }
    if (!node.isValueNode()) {
      throw HttpError.badRequest("Column " + column.name() + ": expected a string, number or boolean, got " + node);
    }
    return parse(column, node.asText());
  }

  /** {@code text} as a value of {@code column}'s type; 400 naming the column when it is not one. */
  static Object parse(StudioColumn column, String text) {
    if (!column.editable()) {
      throw HttpError.badRequest("Column " + column.name() + " is " + column.kind()
          + ": the studio shows it but does not bind values of that type");
    }
    try {
      return switch (column.kind()) {
        case SMALLINT -> Short.valueOf(text.strip());
        case INTEGER, SERIAL -> Integer.valueOf(text.strip());
        case BIGINT, BIGSERIAL -> Long.valueOf(text.strip());
        case DECIMAL -> decimal(column, text.strip());
        case REAL -> finite(column, Float.parseFloat(text.strip()));
        case DOUBLE -> finite(column, Double.parseDouble(text.strip()));
        case BOOLEAN -> bool(column, text.strip());
        case DATE -> LocalDate.parse(text.strip());
        case TIME -> LocalTime.parse(text.strip());
        case TIMESTAMP -> LocalDateTime.parse(text.strip());
        case TIMESTAMPTZ -> OffsetDateTime.parse(text.strip());
        case UUID -> uuid(column, text.strip());
        case BYTES -> bytes(column, text.strip());
        case VARCHAR, CHAR, TEXT -> text(column, text);
        default -> throw new IllegalStateException("not editable: " + column.kind());
      };
    } catch (IllegalArgumentException | DateTimeParseException e) { // NumberFormatException too
      throw HttpError.badRequest("Column " + column.name() + " (" + column.kind() + "): \"" + text
          + "\" is not a " + what(column));
    }
  }

  private static BigDecimal decimal(StudioColumn column, String text) {
    BigDecimal d = new BigDecimal(text);
    if (column.precision() > 0) {
      if (d.scale() > column.scale()) {
        throw HttpError.badRequest("Column " + column.name() + " is DECIMAL(" + column.precision() + ", "
            + column.scale() + "): " + text + " has " + d.scale() + " digits after the point, the database would round it");
      }
      int integerDigits = d.precision() - d.scale();
      if (integerDigits > column.precision() - column.scale()) {
        throw HttpError.badRequest("Column " + column.name() + " is DECIMAL(" + column.precision() + ", "
            + column.scale() + "): " + text + " has too many digits before the point");
      }
    }
    return d;
  }

  private static <N extends Number> N finite(StudioColumn column, N n) {
    if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
      throw HttpError.badRequest("Column " + column.name() + ": " + n + " is not a finite number");
    }
    return n;
  }

  private static Boolean bool(StudioColumn column, String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw HttpError.badRequest("Column " + column.name() + " (BOOLEAN): \"" + text
          + "\" is not true or false");
    };
  }

  private static UUID uuid(StudioColumn column, String text) {
    UUID u = UUID.fromString(text);
    if (!u.toString().equalsIgnoreCase(text)) {
      throw HttpError.badRequest("Column " + column.name() + " (UUID): \"" + text + "\" is not a UUID in its 36-character form");
    }
    return u;
  }

  private static byte[] bytes(StudioColumn column, String text) {
    String hex = text.startsWith("\\x") ? text.substring(2) : text;
    try {
      return HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("Column " + column.name() + " (BYTES): expected \\x and hex digits, got \"" + text + "\"");
    }
  }

  private static String text(StudioColumn column, String text) {
    int length = text.codePointCount(0, text.length());
    if (column.length() > 0 && length > column.length()) {
      throw HttpError.badRequest("Column " + column.name() + " holds at most " + column.length()
          + " characters; the value has " + length);
    }
    if (text.indexOf('\0') >= 0) {
      throw HttpError.badRequest("Column " + column.name() + ": the value holds a NUL character, which databases refuse or cut");
    }
    return text;
  }

  private static String what(StudioColumn column) {
    return switch (column.kind()) {
      case SMALLINT, INTEGER, SERIAL, BIGINT, BIGSERIAL -> "whole number in range";
      case DECIMAL, REAL, DOUBLE -> "number";
      case DATE -> "date (2024-05-31)";
      case TIME -> "time (13:45:00)";
      case TIMESTAMP -> "timestamp (2024-05-31T13:45:00)";
      case TIMESTAMPTZ -> "timestamp with offset (2024-05-31T13:45:00Z)";
      case UUID -> "UUID";
      default -> "value of this column";
    };
  }
}
