package dev.sluice.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * One connection, in a transaction the extension began, lent to a test's {@code Database} as its
 * whole connection factory: closing it does nothing, and the transactions the test begins on it
 * become savepoints ({@code beginTransaction} a SAVEPOINT, {@code commitTransaction} its RELEASE,
 * {@code rollbackTransaction} a ROLLBACK TO it), so nothing the test does escapes the outer
 * transaction that the extension rolls back.
 */
final class PinnedConnection {
  private final Connection real;
  private final Deque<String> savepoints = new ArrayDeque<>();
  private int next;

  PinnedConnection(Connection real) {
    this.real = real;
  }

  /** A connection factory whose every connection is this one. */
  ConnectionFactory factory() {
    Connection lent = lent();
    return new ConnectionFactory() {
      @Override public Publisher<? extends Connection> create() {
        return Mono.just(lent);
      }

      @Override public ConnectionFactoryMetadata getMetadata() {
        return real.getMetadata()::getDatabaseProductName;
      }
    };
  }

  private Connection lent() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "close" -> Mono.empty();
          case "beginTransaction" -> Mono.defer(() -> {
            String name = "sluice_test_" + (++next);
            synchronized (savepoints) {
              savepoints.push(name);
            }
            return Mono.from(real.createSavepoint(name));
          });
          case "commitTransaction" -> Mono.defer(() -> {
            String name = pop();
            return name == null ? Mono.empty() : Mono.from(real.releaseSavepoint(name));
          });
          case "rollbackTransaction" -> Mono.defer(() -> {
            String name = pop();
            return name == null ? Mono.empty() : Mono.from(real.rollbackTransactionToSavepoint(name));
          });
          case "isAutoCommit" -> false;
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "PinnedConnection[" + real + "]";
          default -> {
            try {
              yield method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
        });
  }

  private String pop() {
    synchronized (savepoints) {
      return savepoints.poll();
    }
  }
}
