package dev.sluice.r2dbc.vertx;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements with each marker given the type of its value ({@link Markers#typed}), remembered per SQL text with the
 * types it was last run with, for all of a factory's connections: the same string comes back for the same SQL and
 * types, so neither the scan nor the prepared-statement cache's hash of a new string is paid per execution.
 */
final class TypedSql {
    /** How many SQL texts are remembered before it starts again: {@value}. */
    static final int KEPT = 1024;

    private final Map<String, Entry> bySql = new ConcurrentHashMap<>();

    private record Entry(String[] types, String sql) {
    }

    /** {@code sql} with each marker {@code $n} typed as {@code types[n-1]} (where not null). */
    String of(String sql, String[] types) {
        Entry last = bySql.get(sql);
        if (last != null && Arrays.equals(last.types, types)) {
            return last.sql;
        }
        String typed = Markers.typed(sql, types);
        if (bySql.size() >= KEPT) {
            bySql.clear();
        }
        bySql.put(sql, new Entry(types, typed));
        return typed;
    }
}
