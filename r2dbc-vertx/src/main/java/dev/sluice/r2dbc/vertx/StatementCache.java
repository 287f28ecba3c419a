package dev.sluice.r2dbc.vertx;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.PreparedStatement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection's prepared statements by SQL text (typed markers included), least recently used evicted and closed
 * on the server. With a size of 0 nothing is kept: each statement is closed after its cursor.
 */
final class StatementCache {
    private final PgConnection pg;
    private final int size;
    private final LinkedHashMap<String, Future<PreparedStatement>> statements;

    StatementCache(PgConnection pg, int size) {
        this.pg = pg;
        this.size = size;
        // a cache of size 0 (a connection borrowed from Vert.x's pool) keeps nothing: no map for each borrow
        this.statements = size > 0 ? new LinkedHashMap<>(16, 0.75f, true) : null;
    }

    /** The prepared statement for {@code sql}, prepared once while it stays cached. */
    synchronized Future<PreparedStatement> get(String sql) {
        Future<PreparedStatement> f = statements == null ? null : statements.get(sql);
        if (f != null && !f.failed()) {
            return f;
        }
        f = pg.prepare(sql);
        if (size > 0) {
            statements.put(sql, f);
            if (statements.size() > size) {
                Map.Entry<String, Future<PreparedStatement>> eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                eldest.getValue().onSuccess(PreparedStatement::close);
            }
        }
        return f;
    }

    /** Closes {@code ps} unless it is cached. */
    synchronized void release(String sql, PreparedStatement ps) {
        if (size == 0) {
            ps.close();
        }
    }

    /** How many statements are kept now. */
    synchronized int size() {
        return statements == null ? 0 : statements.size();
    }
}
