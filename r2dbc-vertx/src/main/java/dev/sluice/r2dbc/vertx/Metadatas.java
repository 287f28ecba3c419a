package dev.sluice.r2dbc.vertx;

import io.vertx.sqlclient.desc.ColumnDescriptor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@link VxRowMetadata} of recent results, one per factory. Vert.x describes the columns of a prepared
 * statement once, and each execution's result hands back that same list: its metadata is built once, not for every
 * result. Entries are found by the list's identity (one slot per identity hash; a newer list takes the slot); a miss only
 * costs building the metadata again.
 *
 * <p>It also remembers the columns of each statement run whole ({@link #last}), so that its next run can map rows
 * as they are decoded ({@link DecodedResult}); those columns are an assumption that the next result checks.
 */
final class Metadatas {
    private static final int SIZE = 64;

    private record Entry(List<ColumnDescriptor> columns, VxRowMetadata metadata) { }

    /** How many statements' columns are remembered; past that, all are forgotten (and learnt again). */
    private static final int STATEMENTS = 1024;

    private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(SIZE);
    private final ConcurrentHashMap<String, VxRowMetadata> bySql = new ConcurrentHashMap<>();

    /** The columns {@code sql} had in its last result run whole, or null. */
    VxRowMetadata last(String sql) {
        return bySql.get(sql);
    }

    /** Remembers the columns of a result of {@code sql} (null: it had none, which forgets them). */
    void remember(String sql, VxRowMetadata md) {
        if (md == null) {
            bySql.remove(sql);
            return;
        }
        if (bySql.size() >= STATEMENTS) {
            bySql.clear();
        }
        bySql.put(sql, md);
    }

    /** The metadata of a result with {@code columns} (null or empty: a result without rows). */
    VxRowMetadata of(List<ColumnDescriptor> columns) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        int slot = System.identityHashCode(columns) & (SIZE - 1);
        Entry e = entries.get(slot);
        if (e != null && e.columns() == columns) {
            return e.metadata();
        }
        VxRowMetadata md = VxRowMetadata.of(columns);
        entries.set(slot, new Entry(columns, md));
        return md;
    }
}
