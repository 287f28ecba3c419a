package dev.sluice.contract;

import static dev.sluice.testing.Schema.*;

import dev.sluice.Database;
import dev.sluice.schema.Table;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared set-up of every contract: one pool and one {@link Database} per test class, the seed
 * schema recreated, and the tables emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractBase {
  protected static final Table<?>[] TABLES = {COUNTRIES, CITIES, USERS, CHAT_GROUPS, MEMBERSHIPS, KITCHENS};

  protected ConnectionPool pool;
  protected Database db;

  /** The database under test. */
  protected abstract DatabaseTarget target();

  /** Extra tables a contract needs. */
  protected Table<?>[] extraTables() { return new Table<?>[0]; }

  @BeforeAll
  void connect() {
    target().requireReachable();
    pool = new ConnectionPool(ConnectionPoolConfiguration.builder(target().connectionFactory())
        .initialSize(0).maxSize(4).maxAcquireTime(Duration.ofSeconds(20)).build());
    db = Database.builder().connectionFactory(pool).build();
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
    if (pool != null) {
      pool.dispose();
    }
  }

  /** Acquired connections right now, waiting up to 2 s for asynchronous releases to land. */
  protected int acquiredConnectionsAfterSettling() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    int acquired = pool.getMetrics().orElseThrow().acquiredSize();
    while (acquired > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      acquired = pool.getMetrics().orElseThrow().acquiredSize();
    }
    return acquired;
  }

  private Table<?>[] all() {
    Table<?>[] extra = extraTables();
    Table<?>[] all = new Table<?>[TABLES.length + extra.length];
    System.arraycopy(extra, 0, all, 0, extra.length);
    System.arraycopy(TABLES, 0, all, extra.length, TABLES.length);
    return all;
  }
}
