package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.RenderedSql;
import reactor.core.publisher.Mono;

/** A complete {@code INSERT ... SELECT}, ready to run. */
public final class InsertFromSelect {
  private final Executor executor;
  private final InsertSelect statement;

  InsertFromSelect(Executor executor, InsertSelect statement) {
    this.executor = executor;
    this.statement = statement;
  }

  /** Runs it and emits the number of rows inserted. */
  public Mono<Long> execute() {
    return executor.update(statement, true);
  }

  public RenderedSql toSql(Dialect dialect) { return dialect.render(statement); }
}
