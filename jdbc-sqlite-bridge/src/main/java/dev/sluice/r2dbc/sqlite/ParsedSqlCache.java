package dev.sluice.r2dbc.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed form of recently used SQL texts, shared by the connections of one factory, so that
 * {@code createStatement} does not split and rewrite the same text again (about a microsecond each time, on the
 * caller's thread). Bounded; the least recently used entry goes first. Texts longer than
 * {@link StatementCache#MAX_SQL_LENGTH} are not kept. A {@link ParsedSql} is immutable.
 */
final class ParsedSqlCache {

    private final int capacity;
    private final Map<String, ParsedSql> entries;

    ParsedSqlCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedSql> eldest) {
                return size() > ParsedSqlCache.this.capacity;
            }
        };
    }

    /** Parses {@code sql}, or returns its earlier parse. */
    ParsedSql parse(String sql) {
        if (capacity == 0 || sql.length() > StatementCache.MAX_SQL_LENGTH) {
            return SqlParser.parse(sql);
        }
        synchronized (entries) {
            ParsedSql parsed = entries.get(sql);
            if (parsed != null) {
                return parsed;
            }
        }
        ParsedSql parsed = SqlParser.parse(sql); // may throw for invalid markers: nothing is cached then
        synchronized (entries) {
            entries.put(sql, parsed);
        }
        return parsed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
