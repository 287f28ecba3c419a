package dev.sluice.contract;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Wraps a connection factory and counts the statements created on its connections. */
public final class CountingConnectionFactory {
  private CountingConnectionFactory() {}

  /** A factory over {@code delegate} that adds one to {@code statements} per createStatement. */
  public static ConnectionFactory wrap(ConnectionFactory delegate, AtomicInteger statements) {
    return wrap(delegate, statements, null);
  }

  /** Like {@link #wrap(ConnectionFactory, AtomicInteger)}, also adding each statement's SQL to {@code sql}. */
  public static ConnectionFactory wrap(ConnectionFactory delegate, AtomicInteger statements,
      java.util.List<String> sql) {
    return (ConnectionFactory) Proxy.newProxyInstance(ConnectionFactory.class.getClassLoader(),
        new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
          if (method.getName().equals("create")) {
            return Mono.from(delegate.create()).map(c -> counting(c, statements, sql));
          }
          return invoke(method, delegate, args);
        });
  }

  private static Connection counting(Connection c, AtomicInteger statements, java.util.List<String> sql) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("createStatement")) {
            statements.incrementAndGet();
            if (sql != null) {
              sql.add((String) args[0]);
            }
          }
          return invoke(method, c, args);
        });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
