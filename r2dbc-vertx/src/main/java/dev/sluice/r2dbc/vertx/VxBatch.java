package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/** Statements without parameters, sent as one simple-protocol query (one round trip), a result each. */
final class VxBatch implements Batch {
    private final VxConnection connection;
    private final List<String> statements = new ArrayList<>();

    VxBatch(VxConnection connection) {
        this.connection = connection;
    }

    @Override
    public VxBatch add(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The SQL must not be empty");
        }
        statements.add(sql);
        return this;
    }

    @Override
    public Flux<Result> execute() {
        if (statements.isEmpty()) {
            return Flux.error(new IllegalStateException("The batch has no statements"));
        }
        return connection.simple(String.join("; ", statements));
    }
}
