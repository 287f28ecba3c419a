package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import reactor.core.publisher.Mono;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Column values as r2dbc-postgresql hands them out, or refused when Vert.x's value is not the server's: Vert.x's
 * {@link Numeric} as {@link BigDecimal} (its scale kept; {@code NaN} as a {@code Double}), {@link Buffer} as
 * {@link ByteBuffer} (or {@code byte[]}), {@code timestamptz} also as {@link Instant} and {@link ZonedDateTime}.
 * A {@code jsonb} value reads as the text PostgreSQL sends ({@link JsonText}) when Vert.x's parse of it is exact,
 * else it is refused with an {@link InexactValueException}, as is every {@code json} value; asking for Vert.x's
 * {@code JsonObject} or {@code JsonArray} returns its parse as it is. An {@link Interval} reads as a
 * {@link Duration} (a day as 24 hours) when it has no months or years, which a {@code Duration} cannot hold
 * (a month is not 30 days): such an interval is refused. Vert.x's binary decoding folds every 24 hours into a
 * day and every 30 days into a month, so in a binary result (a statement with binds) an interval of 30 days or
 * more is indistinguishable from one with months, and is refused too; cast it to text to read it.
 * A number is narrowed only when it fits; anything else that does not convert is refused with an
 * {@link IllegalArgumentException} naming the column, its type and the class asked for.
 */
final class Values {
    private Values() {
    }

    /** The value of a column of PostgreSQL type {@code typeName} (Vert.x's name, e.g. {@code JSONB}) as {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> T read(Object raw, String typeName, Class<T> type, String column) {
        if (raw == null || raw == Tuple.JSON_NULL && type != String.class && type != Object.class) {
            return null;
        }
        if (type.isInstance(raw) && type != Object.class && !json(typeName)) {
            return (T) raw;  // already what was asked for (most reads: Integer, String, a date-time)
        }
        Class<?> boxed = boxed(type);
        if ((boxed == JsonObject.class || boxed == JsonArray.class) && boxed.isInstance(raw)) {
            return (T) raw;  // Vert.x's own parse, asked for by name
        }
        Object v = normalise(raw, typeName, column);
        if (boxed.isInstance(v)) {
            return (T) v;
        }
        Object converted = convert(v, boxed);
        if (converted == null) {
            throw new IllegalArgumentException("Cannot read column '" + column + "' of type " + typeName
                + " (a " + v.getClass().getName() + ") as " + type.getName());
        }
        return (T) converted;
    }

    /** Whether Vert.x's type name is {@code JSON} or {@code JSONB} (or an array of either). */
    static boolean json(String typeName) {
        return typeName != null && !typeName.isEmpty() && typeName.charAt(0) == 'J' && typeName.startsWith("JSON");
    }

    /**
     * The natural Java value of a Vert.x value: what {@code get(i)} and {@code get(i, Object.class)} return; an
     * {@link InexactValueException} naming {@code column} for a value Vert.x has changed or Java cannot hold.
     */
    static Object normalise(Object raw, String typeName, String column) {
        if (raw == null) {
            return null;
        }
        if (raw.getClass().isArray() && !raw.getClass().getComponentType().isPrimitive()) {
            String element = typeName != null && typeName.endsWith("_ARRAY")
                ? typeName.substring(0, typeName.length() - 6) : typeName;
            boolean json = element != null && element.startsWith("JSON");
            Object[] in = (Object[]) raw;
            Class<?> component = json ? String.class : component(raw.getClass().getComponentType());
            Object out = Array.newInstance(component, in.length);
            for (int i = 0; i < in.length; i++) {
                Array.set(out, i, in[i] == null ? null : normalise(in[i], element, column));
            }
            return out;
        }
        if (json(typeName)) {
            return JsonText.of(raw, typeName, column);
        }
        if (raw instanceof Numeric n) {
            return n.isNaN() ? Double.NaN : n.bigDecimalValue();
        }
        if (raw instanceof Buffer b) {
            return ByteBuffer.wrap(b.getBytes());
        }
        if (raw instanceof Interval i) {
            return duration(i, column);
        }
        return raw;
    }

    /** The interval as a {@link Duration} (a day is 24 hours) when it has no months or years, else refused. */
    private static Duration duration(Interval i, String column) {
        if (i.getYears() != 0 || i.getMonths() != 0) {
            throw new InexactValueException("Column '" + column + "' holds an interval that Vert.x reads as "
                + i.getYears() + " years " + i.getMonths() + " months " + i.getDays() + " days: a Duration cannot"
                + " hold months (a month is not 30 days), and Vert.x's binary decoding folds 30 days into a month, so"
                + " the interval is not known exactly; select it as text (" + column + "::text)");
        }
        return Duration.ofDays(i.getDays()).plusHours(i.getHours()).plusMinutes(i.getMinutes())
            .plusSeconds(i.getSeconds()).plusNanos(i.getMicroseconds() * 1000L);
    }

    private static Class<?> component(Class<?> vertx) {
        if (vertx == Numeric.class) {
            return BigDecimal.class;
        }
        if (vertx == Buffer.class) {
            return ByteBuffer.class;
        }
        if (vertx == Interval.class) {
            return Duration.class;
        }
        return vertx;
    }

    private static Object convert(Object v, Class<?> type) {
        if (type == Object.class) {
            return v;
        }
        if (v instanceof Number n && Number.class.isAssignableFrom(type)) {
            return number(n, type);
        }
        if (type == String.class) {
            return v instanceof ByteBuffer || v.getClass().isArray() ? null : v.toString();
        }
        if (v instanceof ByteBuffer b) {
            if (type == byte[].class) {
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                return bytes;
            }
            if (type == Blob.class) {
                return Blob.from(Mono.just(b));
            }
            return null;
        }
        if (type == Clob.class && v instanceof String s) {
            return Clob.from(Mono.just(s));
        }
        if (v instanceof OffsetDateTime t) {
            if (type == Instant.class) {
                return t.toInstant();
            }
            if (type == ZonedDateTime.class) {
                return t.toZonedDateTime();
            }
            return null;
        }
        if (type == UUID.class && v instanceof String s) {
            return UUID.fromString(s);
        }
        if (type.isEnum() && v instanceof String s) {
            return enumValue(type, s);
        }
        if (type.isArray() && v.getClass().isArray()) {
            int n = Array.getLength(v);
            Object out = Array.newInstance(type.getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Object e = Array.get(v, i);
                Object c = e == null || type.getComponentType().isInstance(e) ? e : convert(e, boxed(type.getComponentType()));
                if (e != null && c == null) {
                    return null;
                }
                Array.set(out, i, c);
            }
            return out;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String s) {
        return Enum.valueOf((Class) type, s);
    }

    /** {@code n} as {@code type}, exactly, or an {@link ArithmeticException} naming the value. */
    private static Object number(Number n, Class<?> type) {
        try {
            BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Double || n instanceof Float
                ? (Double.isFinite(n.doubleValue()) ? new BigDecimal(n.toString()) : null)
                : n instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(n.longValue());
            if (type == Double.class) {
                return n.doubleValue();
            }
            if (type == Float.class) {
                if (n instanceof Float) {
                    return n;
                }
                float f = n.floatValue();
                if (d != null && new BigDecimal(Float.toString(f)).compareTo(d) != 0) {
                    throw new ArithmeticException("does not fit a float exactly");
                }
                return f;
            }
            if (d == null) {
                throw new ArithmeticException("not a finite number");
            }
            if (type == BigDecimal.class) {
                return d;
            }
            if (type == BigInteger.class) {
                return d.toBigIntegerExact();
            }
            if (type == Long.class) {
                return d.longValueExact();
            }
            if (type == Integer.class) {
                return d.intValueExact();
            }
            if (type == Short.class) {
                return d.shortValueExact();
            }
            if (type == Byte.class) {
                return d.byteValueExact();
            }
            return null;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The value " + n + " cannot be read as " + type.getSimpleName()
                + " without changing it", e);
        }
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
