package dev.sluice.r2dbc.sqlite;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * The "natural" Java type of a column, i.e. what {@code row.get(i)} returns, from its declared type:
 * <ul>
 *   <li>{@code BOOLEAN} → {@code Boolean}; {@code BIGINT}/{@code INT8} → {@code Long}; other types containing
 *       {@code INT} → {@code Integer} (a value outside the int range is returned as {@code Long});</li>
 *   <li>{@code CHAR}/{@code CLOB}/{@code TEXT} → {@code String}; {@code BLOB} → {@code ByteBuffer};
 *       {@code REAL}/{@code FLOAT}/{@code DOUBLE} → {@code Double}; {@code DECIMAL}/{@code NUMERIC} →
 *       {@code BigDecimal}; {@code DECIMAL_TEXT(p, s)} (TEXT affinity, exact) → {@code BigDecimal};</li>
 *   <li>{@code DATE} → {@code LocalDate}; {@code TIME} → {@code LocalTime}; {@code DATETIME}/{@code TIMESTAMP}
 *       → {@code LocalDateTime}; {@code TIMESTAMP WITH TIME ZONE}/{@code TIMESTAMPTZ} → {@code OffsetDateTime};
 *       {@code UUID} → {@code UUID};</li>
 *   <li>no declared type (expressions) → the storage class: {@code Integer}/{@code Long}, {@code Double},
 *       {@code String}, {@code ByteBuffer}.</li>
 * </ul>
 * SQLite lets any column hold any storage class; a value that does not convert to the natural type is returned in
 * its storage class (BLOBs as {@code ByteBuffer}).
 */
final class TypeAffinity {

    private TypeAffinity() {
    }

    static Class<?> javaType(String declaredType) {
        String t = declaredType == null ? "" : declaredType.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Object.class;
        }
        if (t.startsWith("BOOL")) {
            return Boolean.class;
        }
        if (t.contains("WITH TIME ZONE") || t.equals("TIMESTAMPTZ") || t.startsWith("DATETIMEOFFSET")) {
            return OffsetDateTime.class;
        }
        if (t.startsWith("DATETIME") || t.startsWith("TIMESTAMP")) {
            return LocalDateTime.class;
        }
        if (t.equals("DATE")) {
            return LocalDate.class;
        }
        if (t.equals("TIME") || t.startsWith("TIME(")) {
            return LocalTime.class;
        }
        if (t.equals("UUID") || t.equals("GUID")) {
            return UUID.class;
        }
        if (t.startsWith("DECIMAL_TEXT")) {
            return BigDecimal.class; // exact decimals kept as text (TEXT affinity), see DecimalCollation
        }
        if (t.contains("BIGINT") || t.equals("INT8")) {
            return Long.class;
        }
        if (t.contains("INT")) {
            return Integer.class;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return String.class;
        }
        if (t.contains("BLOB") || t.contains("BINARY")) {
            return ByteBuffer.class;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Double.class;
        }
        if (t.contains("DEC") || t.contains("NUMERIC")) {
            return BigDecimal.class;
        }
        return Object.class;
    }

    static Object natural(Object raw, Class<?> javaType) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number && (javaType == Integer.class || javaType == Object.class)) {
            return raw instanceof Integer || raw instanceof Double ? raw : narrow(((Number) raw).longValue());
        }
        if (javaType != Object.class) {
            try {
                return ValueDecoder.decode(raw, javaType);
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                // fall through: return the storage class
            }
        }
        return raw instanceof byte[] ? ByteBuffer.wrap(((byte[]) raw).clone()) : raw;
    }

    private static Object narrow(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }
}
