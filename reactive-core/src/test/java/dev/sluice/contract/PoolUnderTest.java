package dev.sluice.contract;

import dev.sluice.Database;
import dev.sluice.DatabaseBuilder;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A pool the contracts run on, built as the target's users build it: an r2dbc-pool around the
 * target's factory, or the target's own pool ({@link DatabaseTarget#ownPool}, r2dbc-vertx's
 * {@code ?poolSize}) with Sluice built {@code pooled(false)} on it. Either way it counts the
 * connections handed out and not yet given back: r2dbc-pool's metrics, or (on an own pool) a count
 * kept around the factory, whose connections keep every interface of the driver's (so Sluice still
 * finds the driver's cancel request) and are never {@code Wrapped}.
 */
public final class PoolUnderTest {
  private final ConnectionFactory factory;
  private final ConnectionPool r2dbcPool;
  private final ConnectionFactory own;
  private final Database database;
  private final AtomicInteger borrowed;

  private PoolUnderTest(ConnectionFactory factory, ConnectionPool r2dbcPool, ConnectionFactory own,
      Database database, AtomicInteger borrowed) {
    this.factory = factory;
    this.r2dbcPool = r2dbcPool;
    this.own = own;
    this.database = database;
    this.borrowed = borrowed;
  }

  /** The suite's shared pool of at most {@code size} connections of {@code target}. */
  static PoolUnderTest shared(DatabaseTarget target, int size) {
    Optional<ConnectionFactory> own = target.ownPool(size);
    if (own.isPresent()) {
      return onOwnPool(own.get(), false);
    }
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(target.connectionFactory())
        .initialSize(0).maxSize(size).maxAcquireTime(Duration.ofSeconds(20)).build());
    return new PoolUnderTest(pool, pool, null, null, null);
  }

  /**
   * A {@link Database} of its own on a pool of at most {@code size} connections: Sluice's pool
   * ({@code poolSize(size)}, {@code acquireTimeout}) around {@code unpooled}, or {@code target}'s
   * own pool (the acquire timeout then is the driver's).
   */
  public static PoolUnderTest database(DatabaseTarget target, ConnectionFactory unpooled, int size,
      Duration acquireTimeout) {
    Optional<ConnectionFactory> own = target.ownPool(size);
    if (own.isPresent()) {
      return onOwnPool(own.get(), true);
    }
    Database db = Database.builder().connectionFactory(unpooled).poolSize(size).acquireTimeout(acquireTimeout).build();
    return new PoolUnderTest(db.connectionFactory(), (ConnectionPool) db.connectionFactory(), null, db, null);
  }

  private static PoolUnderTest onOwnPool(ConnectionFactory own, boolean withDatabase) {
    AtomicInteger borrowed = new AtomicInteger();
    ConnectionFactory counted = counting(own, borrowed);
    Database db = withDatabase ? Database.builder().connectionFactory(counted).pooled(false).build() : null;
    return new PoolUnderTest(counted, null, own, db, borrowed);
  }

  /** The factory Sluice runs on (an r2dbc-pool, or the own pool behind the count). */
  public ConnectionFactory factory() { return factory; }

  /** Whether this is the target's own pool (Sluice then runs {@code pooled(false)}). */
  public boolean own() { return own != null; }

  /** The r2dbc-pool, when this is one. */
  public Optional<ConnectionPool> r2dbcPool() { return Optional.ofNullable(r2dbcPool); }

  /** The database of {@link #database}; null on the shared pool. */
  public Database database() { return database; }

  /** A builder on this pool, as users of it build one ({@code pooled(false)} on an own pool). */
  public DatabaseBuilder builder() {
    return Database.builder().connectionFactory(factory).pooled(!own());
  }

  /** Connections handed out and not yet given back, right now. */
  public int acquired() {
    return r2dbcPool != null ? r2dbcPool.getMetrics().orElseThrow().acquiredSize() : borrowed.get();
  }

  /** {@link #acquired()}, waiting up to 2 s for asynchronous releases to land. */
  public int acquiredAfterSettling() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    int acquired = acquired();
    while (acquired > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      acquired = acquired();
    }
    return acquired;
  }

  /** Closes the database, if any, and the pool. */
  public Mono<Void> close() {
    Mono<Void> db = database == null ? Mono.empty() : database.close();
    if (own != null) {
      return db.then(own instanceof Closeable c ? Mono.from(c.close()) : Mono.empty());
    }
    return database == null ? r2dbcPool.disposeLater() : db;
  }

  /** {@code delegate} with every connection counted in {@code borrowed} from its creation to its close. */
  private static ConnectionFactory counting(ConnectionFactory delegate, AtomicInteger borrowed) {
    return (ConnectionFactory) Proxy.newProxyInstance(PoolUnderTest.class.getClassLoader(),
        new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
          if (method.getName().equals("create") && method.getParameterCount() == 0) {
            return Mono.from(delegate.create()).map(c -> {
              borrowed.incrementAndGet();
              return counted(c, borrowed);
            });
          }
          return invoke(method, delegate, args);
        });
  }

  private static Connection counted(Connection c, AtomicInteger borrowed) {
    AtomicBoolean released = new AtomicBoolean();
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
      interfaces.addAll(Set.of(k.getInterfaces()));
    }
    return (Connection) Proxy.newProxyInstance(c.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return Mono.from((Publisher<?>) invoke(method, c, args))
                .doFinally(s -> {
                  if (released.compareAndSet(false, true)) {
                    borrowed.decrementAndGet();
                  }
                });
          }
          return invoke(method, c, args);
        });
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
