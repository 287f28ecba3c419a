package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Batch;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/** A batch of SQL texts without parameters, executed in order; one result per statement. */
final class SqliteBatch implements Batch {

    private final SqliteConnection connection;
    private final List<String> statements = new ArrayList<>();

    SqliteBatch(SqliteConnection connection) {
        this.connection = connection;
    }

    @Override
    public SqliteBatch add(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        statements.add(sql);
        return this;
    }

    @Override
    public Flux<SqliteResult> execute() {
        List<ParsedSql.Unit> units = new ArrayList<>();
        for (String sql : statements) {
            units.addAll(SqlParser.parse(sql).units());
        }
        Object[] noValues = new Object[0];
        return Flux.fromIterable(units)
            .concatMap(unit -> connection.execute(unit, noValues, 0))
            .takeUntil(SqliteResult::isError);
    }
}
