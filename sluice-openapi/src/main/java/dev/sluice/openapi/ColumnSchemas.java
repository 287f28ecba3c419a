package dev.sluice.openapi;

import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The schema of a column's type, as the row record carrying its value is written by Jackson:
 *
 * <table>
 *   <caption>column kinds and their schemas</caption>
 *   <tr><th>column</th><th>schema</th></tr>
 *   <tr><td>smallint</td><td>integer, int16, minimum -32768, maximum 32767</td></tr>
 *   <tr><td>integer, serial</td><td>integer, int32</td></tr>
 *   <tr><td>bigint, bigserial</td><td>integer, int64</td></tr>
 *   <tr><td>decimal(p, s)</td><td>number, decimal, multipleOf 10^-s, exclusive bounds ±10^(p-s)</td></tr>
 *   <tr><td>real, doublePrecision</td><td>number, float / double</td></tr>
 *   <tr><td>bool</td><td>boolean</td></tr>
 *   <tr><td>varchar(n), fixedChar(n), text</td><td>string, maxLength n (none for text)</td></tr>
 *   <tr><td>date, time, timestamp, timestamptz</td><td>string, date / time-local / date-time-local / date-time</td></tr>
 *   <tr><td>uuid</td><td>string, uuid</td></tr>
 *   <tr><td>json, jsonb</td><td>string, contentMediaType application/json (the value is the document's text)</td></tr>
 *   <tr><td>bytes</td><td>string, byte, contentEncoding base64</td></tr>
 *   <tr><td>enum</td><td>string, enum of the values (see {@link EnumValues})</td></tr>
 *   <tr><td>custom</td><td>the schema of its Java type (a mapping given by the user, a record, ...)</td></tr>
 * </table>
 */
final class ColumnSchemas {
  private final TypeSchemas types;
  private final EnumSchemas enums;
  private final EnumValues enumValues;
  private final JsonValues values;

  ColumnSchemas(TypeSchemas types, EnumSchemas enums, EnumValues enumValues, JsonValues values) {
    this.types = types;
    this.enums = enums;
    this.enumValues = enumValues;
    this.values = values;
  }

  /** The schema of a value of {@code type}, never admitting null. */
  Map<String, Object> describe(DataType<?> type, String where) {
    return switch (type.kind()) {
      case SMALLINT -> TypeSchemas.boundedInteger("int16", Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER, SERIAL -> Schemas.type("integer", "int32");
      case BIGINT, BIGSERIAL -> Schemas.type("integer", "int64");
      case DECIMAL -> decimal(type.precision(), type.scale());
      case REAL -> Schemas.type("number", "float");
      case DOUBLE -> Schemas.type("number", "double");
      case BOOLEAN -> Schemas.type("boolean");
      case VARCHAR, CHAR -> with(Schemas.type("string"), "maxLength", type.length());
      case TEXT -> Schemas.type("string");
      case DATE -> Schemas.type("string", "date");
      case TIME -> Schemas.type("string", "time-local");
      case TIMESTAMP -> Schemas.type("string", "date-time-local");
      case TIMESTAMPTZ -> Schemas.type("string", "date-time");
      case UUID -> Schemas.type("string", "uuid");
      case JSON, JSONB -> with(Schemas.type("string"), "contentMediaType", "application/json");
      case BYTES -> TypeSchemas.bytes();
      case ENUM -> enumSchema(type, where);
      case CUSTOM -> types.describe(type.javaType(), null, where);
    };
  }

  /** The value of a {@code defaultValue(v)} as JSON writes it, or null when it has no JSON form. */
  Object defaultOf(Object value, DataType<?> type) {
    if (value instanceof Enum<?> e) {
      return ((java.util.List<?>) enumSchema(type, "the default of a column").get("enum")).get(e.ordinal());
    }
    return values.of(value);
  }

  private static Map<String, Object> with(Map<String, Object> schema, String key, Object value) {
    schema.put(key, value);
    return schema;
  }

  private Map<String, Object> enumSchema(DataType<?> type, String where) {
    EnumType<?> e = type.enumType();
    if (e != null && enumValues == EnumValues.SQL_LABELS) {
      return EnumSchemas.labels("string", e.labels());
    }
    return enums.jackson(type.javaType(), where);
  }

  /**
   * {@code decimal(p, s)}: a multiple of 10^-s strictly between -10^(p-s) and 10^(p-s), the values
   * the column holds exactly.
   */
  private static Map<String, Object> decimal(int precision, int scale) {
    Map<String, Object> s = Schemas.type("number", "decimal");
    BigDecimal bound = BigDecimal.ONE.scaleByPowerOfTen(precision - scale);
    s.put("multipleOf", BigDecimal.ONE.scaleByPowerOfTen(-scale));
    s.put("exclusiveMinimum", bound.negate());
    s.put("exclusiveMaximum", bound);
    return s;
  }
}
