package dev.sluice.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Counts the tasks the bridge hands to its scheduler (each one a thread hop: a boundedElastic worker
 * wakes up, and the caller is woken again when the result comes back) per operation of each SQLite
 * benchmark variant. Not a timing run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.sluice.bench.SqliteHops</pre>
 */
public final class SqliteHops {
  private SqliteHops() {}

  static final AtomicLong TASKS = new AtomicLong();

  /** boundedElastic, counting every task scheduled on it or on one of its workers. */
  static final class Counting implements Scheduler {
    final Scheduler delegate = Schedulers.boundedElastic();

    @Override
    public Disposable schedule(Runnable task) {
      TASKS.incrementAndGet();
      return delegate.schedule(task);
    }

    @Override
    public Worker createWorker() {
      Worker w = delegate.createWorker();
      return new Worker() {
        @Override
        public Disposable schedule(Runnable task) {
          TASKS.incrementAndGet();
          return w.schedule(task);
        }

        @Override
        public void dispose() {
          w.dispose();
        }

        @Override
        public boolean isDisposed() {
          return w.isDisposed();
        }
      };
    }
  }

  interface Op {
    void run() throws Exception;
  }

  static void count(String name, int n, Op op) throws Exception {
    for (int i = 0; i < 20; i++) {
      op.run();
    }
    long before = TASKS.get();
    for (int i = 0; i < n; i++) {
      op.run();
    }
    System.out.printf("  %-32s %6.1f scheduler tasks (thread hops) per op%n", name,
        (double) (TASKS.get() - before) / n);
  }

  public static void main(String[] args) throws Exception {
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
        + "Blackholes directly is dangerous.");
    SqlitePkLookupBenchmark pk = new SqlitePkLookupBenchmark() {
      @Override
      public void setUp() {
        s = new SqliteSupport(ITEMS, ROWS, 1000, new Counting());
        try {
          ps = s.jdbc.prepareStatement(SQL);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        holdWorkerAndConnection();
      }
    };
    pk.setUp();
    try {
      System.out.println("SQLite PK lookup:");
      count("sqlite-pk bridge", 500, pk::bridge);
      count("sqlite-pk sluice", 500, pk::sluice);
      count("sqlite-pk bridgeSelect1", 500, pk::bridgeSelect1);
      count("sqlite-pk poolOnly", 500, pk::poolOnly);
      count("sqlite-pk bridgeHeldConnection", 500, pk::bridgeHeldConnection);
    } finally {
      pk.tearDown();
    }
    SqliteStreamingBenchmark st = new SqliteStreamingBenchmark() {
      @Override
      public void setUp() {
        s = new SqliteSupport(ITEMS, ROWS, 1000, new Counting());
        try {
          ps = s.jdbc.prepareStatement(SQL);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    st.setUp();
    try {
      System.out.println("SQLite streaming 100k rows:");
      count("sqlite-stream bridge", 3, () -> st.bridge(bh));
      count("sqlite-stream bridgeFetchSize1000", 3, () -> st.bridgeFetchSize1000(bh));
      count("sqlite-stream sluice", 3, () -> st.sluice(bh));
    } finally {
      st.tearDown();
    }
    System.exit(0);
  }
}
