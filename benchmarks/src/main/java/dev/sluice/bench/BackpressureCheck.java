package dev.sluice.bench;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import reactor.core.publisher.Flux;

/**
 * Does streaming stay memory-bounded without a fetch size? Streams 2M rows (~420 MB on the wire)
 * through a slow consumer and prints the peak heap used. Run with a small heap:
 *
 * <pre>java -Xmx64m -cp benchmarks/target/benchmarks.jar dev.sluice.bench.BackpressureCheck 0|1000</pre>
 *
 * If the driver did not apply backpressure without a portal row limit, {@code 0} would run out of
 * memory.
 */
public final class BackpressureCheck {
  private BackpressureCheck() {}

  public static void main(String[] args) {
    int fetchSize = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(
        PostgresqlConnectionConfiguration.builder().host(BenchSupport.HOST).port(BenchSupport.PORT)
            .username(BenchSupport.USER).database(BenchSupport.DATABASE).build());
    String sql = "SELECT g, repeat('x', 200) || g FROM generate_series(1, 2000000) g";
    Runtime rt = Runtime.getRuntime();
    long[] peak = {0};
    long[] seen = {0};
    long rows = Flux.usingWhen(factory.create(), c -> {
          Statement s = c.createStatement(sql);
          if (fetchSize > 0) {
            s.fetchSize(fetchSize);
          }
          return Flux.from(s.execute()).concatMap(r -> r.map((row, md) -> row.get(1, String.class)));
        }, Connection::close)
        .limitRate(64)
        .doOnNext(x -> {
          if ((++seen[0] & 255) == 0) {
            try {
              Thread.sleep(1); // slow consumer
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
          }
        })
        .count().block(Duration.ofMinutes(10));
    System.out.printf("fetchSize=%d rows=%d peak heap used=%.1f MiB of %.1f MiB max%n", fetchSize,
        rows, peak[0] / 1048576.0, rt.maxMemory() / 1048576.0);
  }
}
