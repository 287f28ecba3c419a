package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts a SQLite value (in its storage class: {@code Integer}/{@code Long}, {@code Double}, {@code String},
 * {@code byte[]}) to the Java type a caller asks for. Unsupported conversions throw
 * {@link IllegalArgumentException}. Date/time types are parsed from text (see {@link Temporals}); numbers are not
 * interpreted as dates.
 */
final class ValueDecoder {

    private ValueDecoder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T decode(Object raw, Class<T> type) {
        if (raw == null) {
            return null;
        }
        if (raw.getClass() == type && (type == Integer.class || type == Long.class || type == String.class
            || type == Double.class)) {
            return (T) raw; // already the storage class asked for: immutable, nothing to convert or check
        }
        try {
            Object value = convert(raw, type);
            if (value == null && type.isEnum() && raw instanceof String) {
                value = Enum.valueOf((Class) type, (String) raw);
            }
            if (value == null) {
                throw new IllegalArgumentException("Cannot convert " + describe(raw) + " to " + type.getName());
            }
            return (T) value;
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("Cannot convert " + describe(raw) + " to " + type.getName()
                + ": " + e.getMessage(), e);
        }
    }

    private static Object convert(Object raw, Class<?> type) {
        if (type == String.class) {
            return raw instanceof byte[] ? new String((byte[]) raw, StandardCharsets.UTF_8) : raw.toString();
        }
        if (type == Long.class || type == long.class) {
            return raw instanceof Number ? integral((Number) raw) : raw instanceof String ? Long.parseLong(trim(raw)) : null;
        }
        if (type == Integer.class || type == int.class) {
            Long value = (Long) convert(raw, Long.class);
            return value == null ? null : Math.toIntExact(value);
        }
        if (type == Short.class || type == short.class) {
            Long value = (Long) convert(raw, Long.class);
            return value == null ? null : checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
        }
        if (type == Byte.class || type == byte.class) {
            Long value = (Long) convert(raw, Long.class);
            return value == null ? null : checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
        }
        if (type == Double.class || type == double.class) {
            return raw instanceof Number ? ((Number) raw).doubleValue() : raw instanceof String ? Double.parseDouble(trim(raw)) : null;
        }
        if (type == Float.class || type == float.class) {
            Double value = (Double) convert(raw, Double.class);
            return value == null ? null : value.floatValue();
        }
        if (type == BigDecimal.class || type == Number.class) {
            if (raw instanceof Double) {
                return BigDecimal.valueOf((Double) raw);
            }
            return raw instanceof Number ? BigDecimal.valueOf(((Number) raw).longValue())
                : raw instanceof String ? new BigDecimal(trim(raw)) : null;
        }
        if (type == BigInteger.class) {
            if (raw instanceof Double) {
                return BigDecimal.valueOf((Double) raw).toBigIntegerExact();
            }
            return raw instanceof Number ? BigInteger.valueOf(((Number) raw).longValue())
                : raw instanceof String ? new BigInteger(trim(raw)) : null;
        }
        if (type == Boolean.class || type == boolean.class) {
            return raw instanceof Number ? ((Number) raw).doubleValue() != 0 : raw instanceof String ? parseBoolean(trim(raw)) : null;
        }
        if (type == byte[].class) {
            return bytes(raw);
        }
        if (type == ByteBuffer.class) {
            byte[] bytes = bytes(raw);
            return bytes == null ? null : ByteBuffer.wrap(bytes);
        }
        if (type == Blob.class) {
            byte[] bytes = bytes(raw);
            return bytes == null ? null : Blob.from(Mono.just(ByteBuffer.wrap(bytes)));
        }
        if (type == Clob.class) {
            return raw instanceof byte[] ? null : Clob.from(Mono.just(raw.toString()));
        }
        if (type == UUID.class) {
            if (raw instanceof byte[] && ((byte[]) raw).length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap((byte[]) raw);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
            return raw instanceof String ? UUID.fromString(trim(raw)) : null;
        }
        if (type == Character.class || type == char.class) {
            return raw instanceof String && ((String) raw).length() == 1 ? ((String) raw).charAt(0) : null;
        }
        if (raw instanceof String) {
            return temporal((String) raw, type);
        }
        return type.isInstance(raw) ? raw : null;
    }

    private static Object temporal(String text, Class<?> type) {
        if (type == LocalDate.class) {
            return Temporals.parseDate(text);
        }
        if (type == LocalTime.class) {
            return Temporals.parseTime(text);
        }
        if (type == LocalDateTime.class) {
            return Temporals.parseDateTime(text);
        }
        if (type == OffsetDateTime.class) {
            return Temporals.parseOffsetDateTime(text);
        }
        if (type == ZonedDateTime.class) {
            return Temporals.parseOffsetDateTime(text).toZonedDateTime();
        }
        if (type == Instant.class) {
            return Temporals.parseOffsetDateTime(text).toInstant();
        }
        return null;
    }

    private static Long integral(Number number) {
        if (number instanceof Double) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new ArithmeticException("not an integral value: " + d);
            }
            return (long) d;
        }
        return number.longValue();
    }

    private static Long checkRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new ArithmeticException("value out of range: " + value);
        }
        return value;
    }

    private static byte[] bytes(Object raw) {
        if (raw instanceof byte[]) {
            return ((byte[]) raw).clone();
        }
        return raw instanceof String ? ((String) raw).getBytes(StandardCharsets.UTF_8) : null;
    }

    private static Boolean parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "1": case "yes": case "y": case "on":
                return true;
            case "false": case "f": case "0": case "no": case "n": case "off":
                return false;
            default:
                return null;
        }
    }

    private static String trim(Object raw) {
        return ((String) raw).trim();
    }

    private static String describe(Object raw) {
        return raw instanceof byte[] ? "BLOB" : raw.getClass().getSimpleName() + " '" + raw + "'";
    }
}
