package dev.sluice.contract;

import static dev.sluice.testing.Schema.*;

import dev.sluice.Database;
import dev.sluice.DatabaseBuilder;
import dev.sluice.schema.Table;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared set-up of every contract: one pool and one {@link Database} per test class, the seed
 * schema recreated, and the tables emptied before each test. The pool is an r2dbc-pool around the
 * target's factory, or the target's own ({@link DatabaseTarget#ownPool}) with Sluice built
 * {@code pooled(false)}, as its users build it ({@link PoolUnderTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractBase {
  protected static final Table<?>[] TABLES = {COUNTRIES, CITIES, USERS, CHAT_GROUPS, MEMBERSHIPS, KITCHENS};

  /** The factory the suite's database runs on (the pool). */
  protected ConnectionFactory pool;
  /** The pool, with its count of acquired connections. */
  protected PoolUnderTest poolUnderTest;
  protected Database db;

  /** The database under test. */
  protected abstract DatabaseTarget target();

  /** Extra tables a contract needs. */
  protected Table<?>[] extraTables() { return new Table<?>[0]; }

  @BeforeAll
  void connect() {
    target().requireReachable();
    poolUnderTest = PoolUnderTest.shared(target(), 4);
    pool = poolUnderTest.factory();
    db = builder().build();
    // Tables other contracts leave behind (relations) reference the shared ones: drop them first,
    // or a database without DROP ... CASCADE refuses to drop users.
    db.dropTables(COMMENTS, POSTS).then(db.dropTables(all())).then(db.createTables(all()))
        .block(Duration.ofSeconds(60));
  }

  @BeforeEach
  void emptyTables() {
    Table<?>[] extra = extraTables();
    Table<?>[] children = {MEMBERSHIPS, CITIES, KITCHENS, CHAT_GROUPS, USERS, COUNTRIES};
    reactor.core.publisher.Flux.concat(reactor.core.publisher.Flux.fromArray(extra),
            reactor.core.publisher.Flux.fromArray(children)).concatMap(t -> db.deleteFrom(t).permanently().all().withoutHooks().execute())
        .blockLast(Duration.ofSeconds(60));
  }

  @AfterAll
  void disconnect() {
    if (poolUnderTest != null) {
      poolUnderTest.close().block(Duration.ofSeconds(60));
    }
  }

  /** A builder on the suite's pool, as its users build one ({@code pooled(false)} on a driver's own pool). */
  protected DatabaseBuilder builder() {
    return poolUnderTest.builder();
  }

  /**
   * A database of its own on a pool of at most {@code size} connections: Sluice's pool around the
   * target's factory (waiting {@code acquireTimeout} at most), or the target's own pool. Close it.
   */
  protected PoolUnderTest smallPool(int size, Duration acquireTimeout) {
    ConnectionFactory unpooled = poolUnderTest.r2dbcPool().map(ConnectionPool::unwrap).orElse(null);
    return PoolUnderTest.database(target(), unpooled, size, acquireTimeout);
  }

  /** Acquired connections right now, waiting up to 2 s for asynchronous releases to land. */
  protected int acquiredConnectionsAfterSettling() throws InterruptedException {
    return poolUnderTest.acquiredAfterSettling();
  }

  private Table<?>[] all() {
    Table<?>[] extra = extraTables();
    Table<?>[] all = new Table<?>[TABLES.length + extra.length];
    System.arraycopy(extra, 0, all, 0, extra.length);
    System.arraycopy(TABLES, 0, all, extra.length, TABLES.length);
    return all;
  }
}
