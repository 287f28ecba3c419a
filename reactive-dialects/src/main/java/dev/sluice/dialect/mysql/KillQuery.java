package dev.sluice.dialect.mysql;

import dev.sluice.spi.StatementCanceller;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MySQL's and MariaDB's way to stop a running statement: {@code KILL QUERY <session id>} sent on
 * another connection. The statement fails (error 1317, "Query execution was interrupted") and its
 * connection stays open. The id is the server's number for the session, never a user's value.
 */
public final class KillQuery {
  private KillQuery() {}

  /** A canceller of session {@code id}'s statement, through a fresh connection of {@code unpooled}. */
  public static StatementCanceller of(long id, ConnectionFactory unpooled) {
    if (unpooled == null) {
      return StatementCanceller.NONE;
    }
    String sql = "KILL QUERY " + id;
    return () -> Mono.usingWhen(Mono.from(unpooled.create()),
        c -> Flux.from(c.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then(),
        Connection::close);
  }

  /** Asks {@code connection} for its session id ({@code CONNECTION_ID()}), then {@link #of}. */
  static Mono<StatementCanceller> asking(Connection connection, ConnectionFactory unpooled) {
    if (unpooled == null) {
      return Mono.just(StatementCanceller.NONE);
    }
    return Flux.from(connection.createStatement("SELECT CONNECTION_ID()").execute())
        .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue()))
        .next().map(id -> of(id, unpooled));
  }
}
