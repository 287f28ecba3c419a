package dev.sluice.r2dbc.vertx;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.PreparedStatement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical connection's prepared statements by SQL text (typed markers included), least recently used evicted and
 * closed on the server. With a size of 0 nothing is kept: each statement is closed after its cursor. A statement is
 * prepared through the {@link PgConnection} given, the one its caller holds now (under Vert.x's pool, each borrow of
 * the same physical connection is another {@code PgConnection}; see {@link PooledStatements}).
 */
final class StatementCache {
    private final int size;
    private final LinkedHashMap<String, Future<PreparedStatement>> statements;

    StatementCache(int size) {
        this.size = size;
        // a cache of size 0 keeps nothing, and needs no map
        this.statements = size > 0 ? new LinkedHashMap<>(16, 0.75f, true) : null;
    }

    /** The prepared statement for {@code sql}, prepared once through {@code pg} while it stays cached. */
    synchronized Future<PreparedStatement> get(PgConnection pg, String sql) {
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
