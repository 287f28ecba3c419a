package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.Type;

/**
 * Column metadata. The type is derived from the declared column type with SQLite's affinity rules (see
 * {@link TypeAffinity}); {@link #getNativeTypeMetadata()} returns the declared type text.
 */
final class SqliteColumnMetadata implements ColumnMetadata {

    private final String name;
    private final String declaredType;
    private final Class<?> javaType;
    private final Nullability nullability;

    SqliteColumnMetadata(String name, String declaredType, Nullability nullability) {
        this.name = name;
        this.declaredType = declaredType == null ? "" : declaredType;
        this.javaType = TypeAffinity.javaType(this.declaredType);
        this.nullability = nullability;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<?> getJavaType() {
        return javaType;
    }

    @Override
    public Type getType() {
        return new Type() {
            @Override
            public Class<?> getJavaType() {
                return javaType;
            }

            @Override
            public String getName() {
                return declaredType;
            }
        };
    }

    @Override
    public Nullability getNullability() {
        return nullability;
    }

    @Override
    public String getNativeTypeMetadata() {
        return declaredType;
    }

    @Override
    public String toString() {
        return name + " " + declaredType;
    }
}
