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
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("The type must not be null");
        }
        VxColumnMetadata c = metadata.getColumnMetadata(index);
        Object raw = row.getValue(index);
        // already of the very class asked for (most reads: Integer, String, a date-time), as Values.read would
        // return it: one class comparison, where isInstance and cast are two checks against a class not known
        // when compiled (Object is never a value's class, and a JSON value is never returned as parsed)
        if (raw != null && raw.getClass() == type && !c.json()) {
            return (T) raw;
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
