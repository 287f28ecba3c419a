package dev.sluice.r2dbc.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The idle prepared statements of one connection by SQL text: at most {@code capacity}, the least recently used
 * closed first. A statement is taken out while it runs, so two open results never share one (the same SQL run
 * again meanwhile gets a fresh statement), and put back once its result set is closed. After a schema change
 * ({@link SchemaVersion}) the statements prepared before it are closed instead of reused, and a statement that
 * failed is closed rather than put back. Statements longer than {@link #MAX_SQL_LENGTH} characters (say, a bulk
 * insert of many rows) are not kept, which bounds the memory held. Confined to the connection's queue.
 */
final class StatementCache {

    /** The longest SQL text kept prepared (and parsed, {@link ParsedSqlCache}). */
    static final int MAX_SQL_LENGTH = 8192;

    private final int capacity;
    private final SchemaVersion schema;
    private final LinkedHashMap<String, CachedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
    private long version;
    private boolean closed;

    StatementCache(int capacity, SchemaVersion schema) {
        this.capacity = capacity;
        this.schema = schema;
        this.version = schema.current();
    }

    /** Takes the idle statement for {@code sql} out of the cache, or prepares a new one. */
    CachedStatement acquire(java.sql.Connection jdbc, String sql, boolean cacheable) throws SQLException {
        long current = schema.current();
        if (current != version) {
            clear();
            version = current;
        }
        boolean keep = cacheable && capacity > 0 && sql.length() <= MAX_SQL_LENGTH;
        CachedStatement statement = keep ? idle.remove(sql) : null;
        return statement != null ? statement : CachedStatement.prepare(jdbc, sql, current, keep);
    }

    /** Puts back a statement whose result set is closed, or closes it if it cannot be reused. */
    void release(CachedStatement statement) {
        if (closed || !statement.cacheable() || statement.schemaVersion() != schema.current()) {
            statement.close();
            return;
        }
        try {
            statement.clearParameters();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            return;
        }
        CachedStatement previous = idle.put(statement.sql(), statement);
        if (previous != null && previous != statement) {
            previous.close();
        }
        if (idle.size() > capacity) {
            Iterator<Map.Entry<String, CachedStatement>> eldest = idle.entrySet().iterator();
            CachedStatement evicted = eldest.next().getValue();
            eldest.remove();
            evicted.close();
        }
    }

    /** Closes a statement that failed or whose result was abandoned on error. */
    void discard(CachedStatement statement) {
        statement.close();
    }

    /** Closes every idle statement. */
    void clear() {
        List<CachedStatement> all = new ArrayList<>(idle.values());
        idle.clear();
        for (CachedStatement statement : all) {
            statement.close();
        }
    }

    /** Closes every idle statement; statements released from now on are closed too. */
    void close() {
        closed = true;
        clear();
    }

    /** The number of idle statements. */
    int size() {
        return idle.size();
    }
}
