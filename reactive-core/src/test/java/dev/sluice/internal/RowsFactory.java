package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An R2DBC connection factory without a database whose every query returns {@link #rows} rows of
 * {@code countries} ({@code id} 1, 2, ..., {@code name} "country-1", ...), for unit tests of how
 * Sluice reads and gives back connections. Each step is logged as {@code "c<n>: what"} and each
 * can be held back by the test: the connection ({@link #acquire}), the results ({@link #execute}),
 * the rows ({@link #rowsHold}) and the close ({@link #closeHold}).
 */
final class RowsFactory implements ConnectionFactory {
  final List<String> log = new CopyOnWriteArrayList<>();
  volatile int rows = 1;
  /** What a connection waits for before it is handed over. */
  volatile Mono<Void> acquire = Mono.empty();
  /** What an execution waits for before it answers; a failing one fails the statement. */
  volatile Mono<Void> execute = Mono.empty();
  /** What the rows wait for once the results were handed over (the results complete first). */
  volatile Mono<Void> rowsHold = Mono.empty();
  /** What a close waits for. */
  volatile Mono<Void> closeHold = Mono.empty();
  /** Called with each row's id as the driver hands the row on (on the emitting thread). */
  volatile java.util.function.IntConsumer onRow = id -> { };
  private final AtomicInteger created = new AtomicInteger();

  @Override
  public Publisher<? extends Connection> create() {
    return acquire.then(Mono.fromSupplier(() -> connection("c" + created.incrementAndGet())));
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return () -> "rows";
  }

  /** The log lines that contain {@code part}. */
  List<String> logged(String part) {
    return log.stream().filter(l -> l.contains(part)).toList();
  }

  private Connection connection(String name) {
    log.add(name + ": open");
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> {
            log.add(name + ": " + args[0]);
            yield statement(name);
          }
          case "isAutoCommit" -> true;
          case "validate" -> Mono.fromRunnable(() -> log.add(name + ": validate")).thenReturn(true);
          case "close" -> closeHold.then(Mono.fromRunnable(() -> log.add(name + ": close")));
          case "toString" -> name;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> {
            log.add(name + ": " + method.getName());
            yield Mono.empty();
          }
        });
  }

  private io.r2dbc.spi.Statement statement(String name) {
    return (io.r2dbc.spi.Statement) Proxy.newProxyInstance(io.r2dbc.spi.Statement.class.getClassLoader(),
        new Class<?>[] {io.r2dbc.spi.Statement.class}, (proxy, method, args) -> {
          if (method.getName().equals("execute")) {
            int n = rows;
            return execute.then(Mono.just(result(name, n))).flux();
          }
          return proxy;
        });
  }

  private Result result(String name, int n) {
    return (Result) Proxy.newProxyInstance(Result.class.getClassLoader(), new Class<?>[] {Result.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "map" -> {
            @SuppressWarnings("unchecked")
            BiFunction<Row, io.r2dbc.spi.RowMetadata, ?> f = (BiFunction<Row, io.r2dbc.spi.RowMetadata, ?>) args[0];
            yield rowsHold.thenMany(Flux.range(1, n))
                .doOnCancel(() -> log.add(name + ": rows cancelled"))
                .doOnNext(id -> onRow.accept(id))
                .map(id -> f.apply(row(id), null));
          }
          case "getRowsUpdated" -> Mono.just(0L);
          default -> Flux.empty();
        });
  }

  private static Row row(int id) {
    return (Row) Proxy.newProxyInstance(Row.class.getClassLoader(), new Class<?>[] {Row.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "get" -> {
            // by the type asked for where there is one: numbers are the row's id, text "country-<id>"
            Class<?> type = args.length > 1 ? (Class<?>) args[1] : Object.class;
            if (type == Integer.class || type == Long.class) {
              yield type == Long.class ? (Object) (long) id : (Object) id;
            }
            if (type == String.class) {
              yield "country-" + id;
            }
            boolean first = args[0] instanceof Integer i ? i == 0 : "id".equalsIgnoreCase((String) args[0]);
            yield first ? (Object) id : type == Object.class ? "country-" + id : null;
          }
          case "toString" -> "row " + id;
          default -> null;
        });
  }
}
