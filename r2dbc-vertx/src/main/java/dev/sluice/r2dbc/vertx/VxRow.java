package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Row;

/** One row, its values converted by {@link Values} when read. */
final class VxRow implements Row {
    private final io.vertx.sqlclient.Row row;
    private final VxRowMetadata metadata;

    VxRow(io.vertx.sqlclient.Row row, VxRowMetadata metadata) {
        this.row = row;
        this.metadata = metadata;
    }

    @Override
    public VxRowMetadata getMetadata() {
        return metadata;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("The type must not be null");
        }
        VxColumnMetadata c = metadata.getColumnMetadata(index);
        Object raw = row.getValue(index);
        if (raw != null && type != Object.class && !c.json() && type.isInstance(raw)) {
            return type.cast(raw);  // already what was asked for, as Values.read would return it
        }
        return Values.read(raw, c.typeName(), type, c.name());
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return get(metadata.indexOf(name), type);
    }

    @Override
    public Object get(int index) {
        return get(index, Object.class);
    }

    @Override
    public Object get(String name) {
        return get(name, Object.class);
    }
}
