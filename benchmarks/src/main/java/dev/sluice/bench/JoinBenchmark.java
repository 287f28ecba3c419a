package dev.sluice.bench;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.query.Dsl.lte;

import dev.sluice.Database;
import dev.sluice.bench.BenchSchema.PostView;
import io.r2dbc.spi.Connection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Flux;

/**
 * A 3-table inner join, posts ⟶ users ⟶ countries (1,000 users x 10 posts, 20 countries), every
 * column of the three tables mapped to {@code PostView(Post, User, Country)}: Sluice
 * {@code selectFrom(POSTS).join(USERS).on(...).join(COUNTRIES).on(...).where(...)
 * .fetch(PostView::new)} against the same SQL hand-written on r2dbc-postgresql, mapped by index to
 * the same records, on one shared pool. Sluice is built with the default fetch size (0).
 *
 * <ul>
 *   <li>{@code sluiceLarge} / {@code rawLarge}: {@code WHERE users.id <= 300}: 3,000 rows.
 *   <li>{@code sluiceSmall} / {@code rawSmall}: {@code WHERE users.id = k} for a random user: 10
 *       rows (a point-ish join, where per-query overhead dominates).
 *   <li>{@code sluiceVertx*} / {@code sluiceVertxPool*}: the Sluice queries on r2dbc-vertx, under
 *       r2dbc-pool and on Vert.x's own pool ({@code ?poolSize=4}, {@code pooled(false)}); against
 *       {@code rawVertx*}, the same SQL prepared on Vert.x's client.
 * </ul>
 *
 * Results are checked (row count, the join keys of each row, the sum of post ids).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JoinBenchmark extends PostgresBench {
  static final int USERS_N = 1_000;
  static final int POSTS_PER_USER = 10;
  static final int LARGE_USERS = 300;
  static final BenchSchema S = new BenchSchema("bench_join");

  static final String JOIN_SQL = "SELECT p.id, p.author_id, p.title, p.likes, p.created_at, "
      + "u.id, u.name, u.email, u.country_id, u.created_at, c.id, c.name, c.code "
      + "FROM " + S.posts.name() + " p JOIN " + S.users.name() + " u ON p.author_id = u.id "
      + "JOIN " + S.countries.name() + " c ON u.country_id = c.id ";
  static final String LARGE_SQL = JOIN_SQL + "WHERE u.id <= $1";
  static final String SMALL_SQL = JOIN_SQL + "WHERE u.id = $1";


  @Setup(Level.Trial)
  public void setUp() {
    open(0);
    openVertx(0);
    S.createAndFill(db, pool, USERS_N, POSTS_PER_USER);
    for (Database on : List.of(db, dbVertx, dbVertxPool)) {
      checkLarge(BenchSupport.block(sluiceLargeQuery(on).collectList()));
      checkSmall(BenchSupport.block(sluiceSmallQuery(on, 7).collectList()), 7);
    }
  }


  /** Post g belongs to user (g - 1) % 1000 + 1: user u has posts u, u + 1000, ..., u + 9000. */
  static long expectedIdSum(int fromUser, int toUser) {
    long sum = 0;
    for (int u = fromUser; u <= toUser; u++) {
      for (int j = 0; j < POSTS_PER_USER; j++) {
        sum += u + (long) j * USERS_N;
      }
    }
    return sum;
  }

  private static final long LARGE_ID_SUM = expectedIdSum(1, LARGE_USERS);

  private static long check(List<PostView> rows, int expectedRows, long expectedIdSum) {
    if (rows.size() != expectedRows) {
      throw new IllegalStateException("Expected " + expectedRows + " rows, got " + rows.size());
    }
    long sum = 0;
    for (PostView v : rows) {
      if (!v.post().authorId().equals(v.author().id())
          || !v.author().countryId().equals(v.country().id())) {
        throw new IllegalStateException("Row joined wrongly: " + v);
      }
      sum += v.post().id();
    }
    if (sum != expectedIdSum) {
      throw new IllegalStateException("Post id sum " + sum + ", expected " + expectedIdSum);
    }
    return sum;
  }

  static long checkLarge(List<PostView> rows) {
    return check(rows, LARGE_USERS * POSTS_PER_USER, LARGE_ID_SUM);
  }

  static long checkSmall(List<PostView> rows, int user) {
    return check(rows, POSTS_PER_USER, expectedIdSum(user, user));
  }

  private static dev.sluice.query.Joined3<BenchSchema.Post, BenchSchema.User, BenchSchema.Country> largeJoin(Database on) {
    return on.selectFrom(S.posts)
        .join(S.users).on(eq(S.posts.authorId, S.users.id))
        .join(S.countries).on(eq(S.users.countryId, S.countries.id))
        .where(lte(S.users.id, LARGE_USERS));
  }

  private static dev.sluice.query.Joined3<BenchSchema.Post, BenchSchema.User, BenchSchema.Country> smallJoin(Database on, int user) {
    return on.selectFrom(S.posts)
        .join(S.users).on(eq(S.posts.authorId, S.users.id))
        .join(S.countries).on(eq(S.users.countryId, S.countries.id))
        .where(eq(S.users.id, user));
  }

  private static Flux<PostView> sluiceLargeQuery(Database on) {
    return largeJoin(on).fetch(PostView::new);
  }

  private static Flux<PostView> sluiceSmallQuery(Database on, int user) {
    return smallJoin(on, user).fetch(PostView::new);
  }

  private Flux<PostView> raw(String sql, int bind) {
    return Flux.usingWhen(pool.create(),
        c -> Flux.from(c.createStatement(sql).bind(0, bind).execute())
            .concatMap(r -> r.map((row, md) -> new PostView(BenchSchema.post(row, 0),
                BenchSchema.user(row, 5), BenchSchema.country(row, 10)))),
        Connection::close);
  }

  /** {@link #raw} on Vert.x's client: the prepared query on its pool, rows mapped by index. */
  private List<PostView> rawVertx(String sql, int bind) {
    return BenchSupport.block(RawVertx.mono(rawVertx.preparedQuery(sql).execute(io.vertx.sqlclient.Tuple.of(bind))
        .map(rows -> {
          List<PostView> out = new java.util.ArrayList<>(rows.size());
          for (io.vertx.sqlclient.Row row : rows) {
            out.add(new PostView(RawVertx.post(row, 0), RawVertx.user(row, 5), RawVertx.country(row, 10)));
          }
          return out;
        })));
  }

  @Benchmark
  public long rawVertxLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(rawVertx(LARGE_SQL, LARGE_USERS));
  }

  @Benchmark
  public long rawVertxSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(rawVertx(SMALL_SQL, k), k);
  }

  static int user() {
    return ThreadLocalRandom.current().nextInt(1, USERS_N + 1);
  }

  @Benchmark
  public long sluiceLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(BenchSupport.block(sluiceLargeQuery(db).collectList()));
  }

  /** {@link #sluiceLarge} on an r2dbc-pool of r2dbc-vertx connections. */
  @Benchmark
  public long sluiceVertxLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(BenchSupport.block(sluiceLargeQuery(dbVertx).collectList()));
  }

  /** {@link #sluiceLarge} on r2dbc-vertx connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public long sluiceVertxPoolLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(BenchSupport.block(sluiceLargeQuery(dbVertxPool).collectList()));
  }

  @Benchmark
  public long rawLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(BenchSupport.block(raw(LARGE_SQL, LARGE_USERS).collectList()));
  }

  @Benchmark
  public long sluiceSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(BenchSupport.block(sluiceSmallQuery(db, k).collectList()), k);
  }

  /** {@link #sluiceSmall} on an r2dbc-pool of r2dbc-vertx connections. */
  @Benchmark
  public long sluiceVertxSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(BenchSupport.block(sluiceSmallQuery(dbVertx, k).collectList()), k);
  }

  /** {@link #sluiceSmall} on r2dbc-vertx connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public long sluiceVertxPoolSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(BenchSupport.block(sluiceSmallQuery(dbVertxPool, k).collectList()), k);
  }

  /** {@link #sluiceVertxPoolSmall} with {@code fetchList}: read in one execution, not by cursor. */
  @Benchmark
  public long sluiceVertxPoolListSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(BenchSupport.block(smallJoin(dbVertxPool, k).fetchList(PostView::new)), k);
  }

  /** {@link #sluiceVertxPoolLarge} with {@code fetchList}: read in one execution, not by cursor. */
  @Benchmark
  public long sluiceVertxPoolListLarge(CpuPerOp cpu) {
    cpu.op();
    return checkLarge(BenchSupport.block(largeJoin(dbVertxPool).fetchList(PostView::new)));
  }

  @Benchmark
  public long rawSmall(CpuPerOp cpu) {
    cpu.op();
    int k = user();
    return checkSmall(BenchSupport.block(raw(SMALL_SQL, k).collectList()), k);
  }
}
