package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** Small blocking helpers for tests. */
final class Sql {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Sql() {
    }

    static Connection connect(ConnectionFactory factory) {
        return Mono.from(factory.create()).block(TIMEOUT);
    }

    static long update(Connection connection, String sql, Object... args) {
        var statement = connection.createStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.bind(i, args[i]);
        }
        return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block(TIMEOUT);
    }

    static <T> List<T> query(Connection connection, String sql, Class<T> type, Object... args) {
        var statement = connection.createStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.bind(i, args[i]);
        }
        return Flux.from(statement.execute()).flatMap(r -> r.map(row -> row.get(0, type))).collectList().block(TIMEOUT);
    }

    static <T> T single(Connection connection, String sql, Class<T> type, Object... args) {
        List<T> values = query(connection, sql, type, args);
        if (values.size() != 1) {
            throw new AssertionError("expected one row, got " + values);
        }
        return values.get(0);
    }

    static void close(Connection connection) {
        Mono.from(connection.close()).block(TIMEOUT);
    }
}
