package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

/**
 * A row whose values were read from SQLite when it was emitted: each value in its storage class
 * (INTEGER as {@code Integer}/{@code Long}, REAL as {@code Double}, TEXT as {@code String}, BLOB as
 * {@code byte[]}, or {@code null}), converted by {@link ValueDecoder} when read. A row is its own
 * {@link Result.RowSegment}, which saves an object per row.
 */
final class SqliteRow implements Row, Result.RowSegment {

    private final SqliteRowMetadata metadata;
    private final Object[] values;

    SqliteRow(SqliteRowMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        SqliteColumnMetadata column = metadata.column(index);
        Object raw = values[index];
        if (type == Object.class) {
            return type.cast(TypeAffinity.natural(raw, column.getJavaType()));
        }
        return ValueDecoder.decode(raw, type);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return get(metadata.indexOf(name), type);
    }

    /** This row. */
    @Override
    public Row row() {
        return this;
    }

    @Override
    public RowMetadata getMetadata() {
        return metadata;
    }
}
