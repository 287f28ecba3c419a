package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An R2DBC connection factory without a database, for unit tests: every statement updates one row
 * and returns no rows, and every call on a connection is logged as {@code "name: what"}, e.g.
 * {@code "pooled-1: INSERT INTO ..."}, {@code "pooled-1: beginTransaction"}, {@code "pooled-1: close"}.
 */
final class StubConnectionFactory implements ConnectionFactory {
  final List<String> log = new CopyOnWriteArrayList<>();
  /** What every statement's execution waits for before it answers; the test may set it. */
  volatile Mono<Void> hold = Mono.empty();
  private final AtomicInteger created = new AtomicInteger();

  @Override public Publisher<? extends Connection> create() {
    return Mono.fromSupplier(() -> connection("pooled-" + created.incrementAndGet()));
  }

  @Override public ConnectionFactoryMetadata getMetadata() {
    return () -> "stub";
  }

  /** How many connections {@link #create()} made. */
  int created() { return created.get(); }

  /** A connection named {@code name} that logs into this factory's log (also for outside ones). */
  Connection connection(String name) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> {
            log.add(name + ": " + args[0]);
            yield statement();
          }
          case "isAutoCommit" -> true;
          case "validate" -> Mono.just(true);
          case "toString" -> name;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> {
            log.add(name + ": " + method.getName() + (args == null || args.length == 0 ? "" : " " + args[0]));
            yield Mono.empty();
          }
        });
  }

  private io.r2dbc.spi.Statement statement() {
    Result result = (Result) Proxy.newProxyInstance(Result.class.getClassLoader(),
        new Class<?>[] {Result.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRowsUpdated" -> Mono.just(1L);
          case "filter" -> proxy;
          default -> Flux.empty();
        });
    return (io.r2dbc.spi.Statement) Proxy.newProxyInstance(io.r2dbc.spi.Statement.class.getClassLoader(),
        new Class<?>[] {io.r2dbc.spi.Statement.class}, (proxy, method, args) ->
            method.getName().equals("execute") ? Flux.just(result).delaySubscription(hold) : proxy);
  }
}
