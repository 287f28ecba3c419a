package dev.sluice.r2dbc.vertx;

import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.internal.Connection;
import io.vertx.sqlclient.internal.SqlConnectionInternal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link StatementCache} of each physical connection of a factory's Vert.x pool, kept across borrows: each borrow
 * is a new {@link PgConnection} around the same physical connection (Vert.x's {@code SqlConnectionInternal.unwrap()},
 * by identity), and a statement prepared on one borrow is still prepared on the next. Without it a statement read by
 * cursor on a borrowed connection was prepared (Parse) before and closed after each read. Caches of physical
 * connections that are no longer valid (closed, lost) are dropped at the next borrow; a borrow not from Vert.x's pool
 * gets a cache of its own that keeps nothing.
 */
final class PooledStatements {
    private final int size;
    private final Map<Connection, StatementCache> byConnection = new IdentityHashMap<>();

    PooledStatements(int size) {
        this.size = size;
    }

    /** The statements of the physical connection behind {@code pg}, a connection just borrowed. */
    synchronized StatementCache of(PgConnection pg) {
        if (size <= 0 || !(pg instanceof SqlConnectionInternal internal)) {
            return new StatementCache(0);
        }
        // the pooled connection says it is valid whatever its socket is: ask the socket connection it wraps
        byConnection.keySet().removeIf(c -> !c.unwrap().isValid());
        return byConnection.computeIfAbsent(internal.unwrap(), c -> new StatementCache(size));
    }
}
