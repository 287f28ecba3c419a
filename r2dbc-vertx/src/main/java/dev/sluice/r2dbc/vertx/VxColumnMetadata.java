package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.Type;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * One column: its name, its PostgreSQL type (Vert.x's name of it) and the Java class {@code get(i)} returns;
 * {@code json}: the type is {@code JSON} or {@code JSONB} (or an array of either), whose values are never returned
 * as Vert.x parsed them (see {@link Values}).
 */
record VxColumnMetadata(String name, String typeName, boolean array, boolean json) implements ColumnMetadata {

    VxColumnMetadata(String name, String typeName, boolean array) {
        this(name, typeName, array, Values.json(typeName));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Type getType() {
        Class<?> javaType = javaType(typeName, array);
        String pgName = typeName.toLowerCase(java.util.Locale.ROOT);
        return new Type() {
            @Override public Class<?> getJavaType() { return javaType; }

            @Override public String getName() { return pgName; }
        };
    }

    @Override
    public Class<?> getJavaType() {
        return javaType(typeName, array);
    }

    @Override
    public Object getNativeTypeMetadata() {
        return typeName;
    }

    @Override
    public Nullability getNullability() {
        return Nullability.UNKNOWN;
    }

    static Class<?> javaType(String typeName, boolean array) {
        String scalar = array && typeName.endsWith("_ARRAY") ? typeName.substring(0, typeName.length() - 6) : typeName;
        Class<?> c = scalar(scalar);
        return array ? java.lang.reflect.Array.newInstance(c, 0).getClass() : c;
    }

    private static Class<?> scalar(String t) {
        switch (t) {
            case "BOOL": return Boolean.class;
            case "INT2": return Short.class;
            case "INT4": return Integer.class;
            case "INT8": return Long.class;
            case "FLOAT4": return Float.class;
            case "FLOAT8": return Double.class;
            case "NUMERIC": case "MONEY": return BigDecimal.class;
            case "DATE": return LocalDate.class;
            case "TIME": return LocalTime.class;
            case "TIMETZ": return OffsetTime.class;
            case "TIMESTAMP": return LocalDateTime.class;
            case "TIMESTAMPTZ": return OffsetDateTime.class;
            case "INTERVAL": return Duration.class;
            case "BYTEA": return ByteBuffer.class;
            case "UUID": return UUID.class;
            default: return String.class;
        }
    }
}
