package dev.sluice.dialect;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs one statement on a fresh connection outside every pool, e.g. to look at or end sessions. */
public final class AdminQuery {
  private static final Duration T = Duration.ofSeconds(30);

  private AdminQuery() {}

  /** The sum of the first column over all rows (0 for none), the values bound by position. */
  public static long sum(ConnectionFactory factory, String sql, Object... binds) {
    return Mono.usingWhen(Mono.from(factory.create()),
        (Connection c) -> {
          var s = c.createStatement(sql);
          for (int i = 0; i < binds.length; i++) {
            s.bind(i, binds[i]);
          }
          return Flux.from(s.execute())
              .concatMap(r -> r.map((row, m) -> row.get(0) instanceof Number n ? n.longValue() : 0L))
              .reduce(0L, Long::sum);
        },
        Connection::close).block(T);
  }
}
