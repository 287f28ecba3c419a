package dev.sluice.r2dbc.sqlite;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that the connections of one {@link SqliteConnectionFactory} share and advance whenever one of them
 * may have changed the database schema (DDL, {@code PRAGMA}, and the end of a transaction that did either). A
 * connection's {@link StatementCache} drops statements prepared before the latest change, so the row metadata
 * cached with them is never older than the schema. SQLite itself re-prepares a statement whose schema changed.
 */
final class SchemaVersion {

    private final AtomicLong version = new AtomicLong();

    long current() {
        return version.get();
    }

    void changed() {
        version.incrementAndGet();
    }
}
