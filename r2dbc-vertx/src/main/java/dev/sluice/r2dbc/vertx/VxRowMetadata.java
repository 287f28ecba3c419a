package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.RowMetadata;
import io.vertx.sqlclient.desc.ColumnDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The columns of a result, looked up by index or by name (case-insensitive, the first of a repeated name). */
final class VxRowMetadata implements RowMetadata {
    private final List<VxColumnMetadata> columns;
    /** The same columns, for the lookup of every value read by index. */
    private final VxColumnMetadata[] byIndex;

    private VxRowMetadata(List<VxColumnMetadata> columns) {
        this.columns = columns;
        this.byIndex = columns.toArray(new VxColumnMetadata[0]);
    }

    static VxRowMetadata of(List<ColumnDescriptor> descriptors) {
        List<VxColumnMetadata> cs = new ArrayList<>(descriptors.size());
        for (ColumnDescriptor d : descriptors) {
            cs.add(new VxColumnMetadata(d.name(), d.typeName(), d.isArray()));
        }
        return new VxRowMetadata(List.copyOf(cs));
    }

    int size() {
        return columns.size();
    }

    /** Whether {@code other} describes the same columns (names, types), so that a row reads the same under both. */
    boolean sameColumns(VxRowMetadata other) {
        return other == this || other != null && other.columns.equals(columns);
    }

    @Override
    public VxColumnMetadata getColumnMetadata(int index) {
        if (index < 0 || index >= byIndex.length) {
            throw new IndexOutOfBoundsException("Column index " + index + " is not in 0.." + (byIndex.length - 1));
        }
        return byIndex[index];
    }

    @Override
    public VxColumnMetadata getColumnMetadata(String name) {
        return columns.get(indexOf(name));
    }

    int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The column name must not be null");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new NoSuchElementException("No column named '" + name + "'; the columns are "
            + columns.stream().map(VxColumnMetadata::name).toList());
    }

    @Override
    public List<VxColumnMetadata> getColumnMetadatas() {
        return columns;
    }

    @Override
    public boolean contains(String name) {
        for (VxColumnMetadata c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
