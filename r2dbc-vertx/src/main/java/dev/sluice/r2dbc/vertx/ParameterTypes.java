package dev.sluice.r2dbc.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.data.NullValue;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL type of each bound value, declared in the statement ({@link Markers#typed}). Vert.x prepares a
 * statement with the types the server infers and then converts values to them, silently: a {@code long} into an
 * {@code int4} parameter is truncated, a string into a {@code json} one becomes a JSON string. Declared from the
 * Java class as r2dbc-postgresql declares them, the server refuses what does not fit ({@code 22003}) and casts
 * text where the SQL asks ({@code $1::jsonb} parses JSON text). A value of a class not listed (Vert.x JSON types,
 * an untyped null) is left to the server.
 */
final class ParameterTypes {
    private ParameterTypes() {
    }

    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
        Map.entry(Boolean.class, "bool"), Map.entry(Short.class, "int2"), Map.entry(Integer.class, "int4"),
        Map.entry(Long.class, "int8"), Map.entry(Float.class, "float4"), Map.entry(Double.class, "float8"),
        Map.entry(BigDecimal.class, "numeric"), Map.entry(Numeric.class, "numeric"),
        Map.entry(String.class, "varchar"), Map.entry(LocalDate.class, "date"), Map.entry(LocalTime.class, "time"),
        Map.entry(OffsetTime.class, "timetz"), Map.entry(LocalDateTime.class, "timestamp"),
        Map.entry(OffsetDateTime.class, "timestamptz"), Map.entry(UUID.class, "uuid"),
        Map.entry(Buffer.class, "bytea"), Map.entry(Interval.class, "interval"));

    /** The declared type of each value of one binding (values as {@link Binds} made them). */
    static String[] of(Object[] values) {
        String[] types = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            types[i] = of(values[i]);
        }
        return types;
    }

    private static String of(Object v) {
        if (v instanceof Binds.Text t) {
            return t.declared;
        }
        Class<?> c = v instanceof NullValue n ? n.type() : v.getClass();
        String t = TYPES.get(c);
        if (t != null) {
            return t;
        }
        if (Buffer.class.isAssignableFrom(c)) {
            return "bytea";
        }
        if (c.isArray()) {
            String element = TYPES.get(c.getComponentType());
            return element == null ? null : element + "[]";
        }
        return null;
    }
}
