package dev.sluice.r2dbc.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.data.NullValue;
import io.vertx.sqlclient.data.Numeric;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Bound Java values as the values Vert.x encodes. Vert.x declares each parameter's type from the Java class at the
 * statement's first execution (as r2dbc-postgresql does), so a {@link String} goes as {@code varchar} and the
 * server casts it ({@code $1::jsonb} parses JSON text), and a {@link Long} as {@code int8} (an {@code int4} column
 * refuses one out of range). Conversions: {@code byte[]} and {@link ByteBuffer} to {@link Buffer},
 * {@link Duration} and {@link Interval} to the text of an interval cast by the server (Vert.x's binary encoding
 * folds every 30 days into a month, so 40 days would be stored as {@code 1 mon 10 days}), {@link Instant} and {@link ZonedDateTime} to
 * {@link OffsetDateTime}, {@link BigInteger} to {@link BigDecimal}, {@link Byte} to {@link Short}, an enum to its
 * name. Any other class is refused at bind time, naming the parameter.
 */
final class Binds {
    private Binds() {
    }

    /**
     * A value sent as text ({@code String} or {@code String[]}) and cast by the server, declared as
     * {@code declared} (e.g. {@code varchar[]::numeric[]}): for values Vert.x would encode changed or not at all.
     */
    static final class Text {
        final Object text;
        final String declared;

        Text(Object text, String declared) {
            this.text = text;
            this.declared = declared;
        }
    }

    private static final Set<Class<?>> NATIVE = Set.of(Boolean.class, Short.class, Integer.class, Long.class,
        Float.class, Double.class, BigDecimal.class, Numeric.class, String.class, LocalDate.class, LocalTime.class,
        OffsetTime.class, LocalDateTime.class, OffsetDateTime.class, UUID.class, Buffer.class, JsonObject.class,
        JsonArray.class);

    /** Whether Vert.x encodes {@code value} (not null) as it is. */
    static boolean isNative(Object value) {
        return NATIVE.contains(value.getClass());
    }

    /** {@code value} (not null) as Vert.x encodes it, or an {@link IllegalArgumentException} naming {@code at}. */
    static Object value(Object value, String at) {
        Class<?> c = value.getClass();
        if (value instanceof Interval i) {
            return new Text(text(i), "varchar::interval");
        }
        if (NATIVE.contains(c)) {
            return value;
        }
        if (value instanceof byte[] b) {
            return Buffer.buffer(b);
        }
        if (value instanceof ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return Buffer.buffer(bytes);
        }
        if (value instanceof Duration d) {
            return new Text(text(interval(d)), "varchar::interval");
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Byte b) {
            return b.shortValue();
        }
        if (value instanceof Character ch) {
            return ch.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal[] || value instanceof BigInteger[]) {
            // Vert.x cannot encode a null element of a numeric array: sent as text, cast by the server
            Object[] in = (Object[]) value;
            String[] out = new String[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] == null ? null : in[i].toString();
            }
            return new Text(out, "varchar[]::numeric[]");
        }
        if (value instanceof Duration[] || value instanceof Interval[]) {
            Object[] in = (Object[]) value;
            String[] out = new String[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] == null ? null : text(in[i] instanceof Duration d ? interval(d) : (Interval) in[i]);
            }
            return new Text(out, "varchar[]::interval[]");
        }
        if (c.isArray() && !c.getComponentType().isPrimitive()) {
            Object[] in = (Object[]) value;
            Class<?> component = type(c.getComponentType());
            Object[] out = (Object[]) Array.newInstance(component, in.length);
            for (int i = 0; i < in.length; i++) {
                Object e = in[i];
                // plain stores, and an element's name spelled only for one that needs converting
                out[i] = e == null || NATIVE.contains(e.getClass()) ? e : value(e, at + "[" + i + "]");
            }
            return out;
        }
        if (c.getName().startsWith("io.vertx.")) {
            return value;
        }
        throw new IllegalArgumentException("Cannot bind a " + c.getName() + " to " + at
            + ": this driver binds booleans, numbers, strings, java.time values, UUID, byte[], ByteBuffer, Duration,"
            + " enums, Blob, Clob, arrays of these and Vert.x's own types");
    }

    /** A typed null for a parameter that would hold {@code type}. */
    static NullValue nullOf(Class<?> type) {
        Class<?> t = type(Values.boxed(type));
        try {
            return NullValue.of(t);
        } catch (RuntimeException unknownToVertx) {
            return NullValue.of(Object.class);
        }
    }

    /** The class Vert.x sees for values of {@code type}. */
    static Class<?> type(Class<?> type) {
        if (type == byte[].class || ByteBuffer.class.isAssignableFrom(type) || io.r2dbc.spi.Blob.class.isAssignableFrom(type)) {
            return Buffer.class;
        }
        if (io.r2dbc.spi.Clob.class.isAssignableFrom(type) || type == Character.class || type.isEnum()) {
            return String.class;
        }
        if (type == Duration.class) {
            return Interval.class;
        }
        if (type == Instant.class || type == ZonedDateTime.class) {
            return OffsetDateTime.class;
        }
        if (type == BigInteger.class) {
            return BigDecimal.class;
        }
        if (type == Byte.class) {
            return Short.class;
        }
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            return Array.newInstance(type(type.getComponentType()), 0).getClass();
        }
        return type;
    }

    /** An interval as PostgreSQL reads it, field by field, so it keeps each field as given. */
    static String text(Interval i) {
        return i.getYears() + " years " + i.getMonths() + " mons " + i.getDays() + " days " + i.getHours() + " hours "
            + i.getMinutes() + " minutes " + i.getSeconds() + " seconds " + i.getMicroseconds() + " microseconds";
    }

    /** A {@link Duration} as days and time, no months: PostgreSQL keeps it as written. */
    static Interval interval(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long seconds = a.getSeconds();
        int micros = a.getNano() / 1000;
        if (a.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("PostgreSQL keeps an interval to the microsecond; " + d
                + " has nanoseconds and would be changed");
        }
        long days = seconds / 86400;
        if (days > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The interval " + d + " is too long for PostgreSQL");
        }
        int s = (int) (seconds % 86400);
        int sign = negative ? -1 : 1;
        return new Interval(0, 0, sign * (int) days, sign * (s / 3600), sign * (s % 3600 / 60), sign * (s % 60),
            sign * micros);
    }
}
