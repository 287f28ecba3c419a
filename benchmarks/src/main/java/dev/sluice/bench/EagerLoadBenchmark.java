package dev.sluice.bench;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.bench.BenchSchema.Post;
import dev.sluice.bench.BenchSchema.User;
import dev.sluice.bench.BenchSchema.UserWithPosts;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Eager loading of 1,000 users with their 10 posts each (10,000 posts) into
 * {@code UserWithPosts(..., List<Post> posts)}; time per complete load. All variants run on one
 * shared pool (initial 2 / max 4) and Sluice is built with the default fetch size (0).
 *
 * <ul>
 *   <li>{@code sluiceWith}: {@code selectFrom(USERS).with(USERS.posts).fetch(UserWithPosts.class)}:
 *       one query for the users, then one {@code WHERE author_id IN ($1..$500)} per window of 500
 *       users (the default window): 3 statements.
 *   <li>{@code sluiceNPlusOne}: Sluice used naively: fetch the users, then per user
 *       {@code selectFrom(POSTS).where(eq(POSTS.authorId, id)).fetch().collectList()} inside a
 *       plain {@code flatMap} (Reactor's default concurrency, 256 in flight, so in practice as many
 *       as the pool's 4 connections allow, one of them held by the users' query while it streams):
 *       1,001 statements.
 *   <li>{@code sluiceNPlusOneSeq}: the same with {@code concatMap} (one post query at a time).
 *   <li>{@code rawNPlusOne} / {@code rawNPlusOneSeq}: the same N+1 loops hand-written on
 *       r2dbc-postgresql ({@code Flux.usingWhen(pool.create(), ...)} per statement).
 *   <li>{@code rawTwoQueries}: what a hand-writer who knows about N+1 writes: all users, then one
 *       {@code WHERE author_id = ANY($1)} with an {@code Integer[]} of the 1,000 ids, grouped by
 *       hand into a {@code HashMap}: 2 statements.
 *   <li>{@code rawWindowedIn}: Sluice's own plan by hand: the users streamed, one
 *       {@code IN ($1..$500)} query per window of 500, grouped by hand: the same 3 statements, so
 *       the gap to {@code sluiceWith} is Sluice's overhead alone.
 *   <li>{@code sluiceVertx} / {@code sluiceVertxPool}: {@code sluiceWith} on r2dbc-vertx, under
 *       r2dbc-pool and on Vert.x's own pool ({@code ?poolSize=4}, {@code pooled(false)}); against
 *       {@code rawVertxTwoQueries}, the same two-query load written on Vert.x's client.
 * </ul>
 *
 * Every variant's result is checked: 1,000 users, 10,000 posts, each post's author the user it
 * is attached to, and the sum of post ids.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
public class EagerLoadBenchmark extends PostgresBench {
  static final int USERS_N = 1_000;
  static final int POSTS_PER_USER = 10;
  static final int POSTS_N = USERS_N * POSTS_PER_USER;
  static final int WINDOW = 500;
  static final BenchSchema S = new BenchSchema("bench_eager");

  static final String USERS_SQL = "SELECT " + BenchSchema.USER_COLUMNS + " FROM " + S.users.name();
  static final String POSTS_OF_USER_SQL = "SELECT " + BenchSchema.POST_COLUMNS + " FROM "
      + S.posts.name() + " WHERE author_id = $1";
  static final String POSTS_OF_USERS_SQL = "SELECT " + BenchSchema.POST_COLUMNS + " FROM "
      + S.posts.name() + " WHERE author_id = ANY($1)";


  @Setup(Level.Trial)
  public void setUp() {
    open(0);
    openVertx(0);
    S.createAndFill(db, pool, USERS_N, POSTS_PER_USER);
    check(BenchSupport.block(sluiceQuery(db).collectList()));
    check(BenchSupport.block(sluiceQuery(dbVertx).collectList()));
    check(BenchSupport.block(sluiceQuery(dbVertxPool).collectList()));
  }


  /** Checks a complete load and returns the sum of post ids (what the benchmark returns). */
  static long check(List<UserWithPosts> users) {
    if (users.size() != USERS_N) {
      throw new IllegalStateException("Expected " + USERS_N + " users, got " + users.size());
    }
    long posts = 0;
    long idSum = 0;
    for (UserWithPosts u : users) {
      for (Post p : u.posts()) {
        if (!p.authorId().equals(u.id())) {
          throw new IllegalStateException("Post " + p.id() + " attached to user " + u.id());
        }
        posts++;
        idSum += p.id();
      }
    }
    if (posts != POSTS_N || idSum != (long) POSTS_N * (POSTS_N + 1) / 2) {
      throw new IllegalStateException("Expected " + POSTS_N + " posts, got " + posts
          + " (id sum " + idSum + ")");
    }
    return idSum;
  }

  private static Flux<UserWithPosts> sluiceQuery(Database on) {
    return on.selectFrom(S.users).with(S.users.posts).fetch(UserWithPosts.class);
  }

  @Benchmark
  public long sluiceWith(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(sluiceQuery(db).collectList()));
  }

  /** {@link #sluiceWith} on an r2dbc-pool of r2dbc-vertx connections. */
  @Benchmark
  public long sluiceVertx(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(sluiceQuery(dbVertx).collectList()));
  }

  /** {@link #sluiceWith} on r2dbc-vertx connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public long sluiceVertxPool(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(sluiceQuery(dbVertxPool).collectList()));
  }

  /** {@link #sluiceVertxPool} with {@code fetchList}: the users read whole, in one execution, not by cursor. */
  @Benchmark
  public long sluiceVertxPoolList(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(dbVertxPool.selectFrom(S.users).with(S.users.posts).fetchList(UserWithPosts.class)));
  }

  /** {@link #sluiceWith} with {@code fetchList} (on r2dbc-postgresql it reads the users as {@code fetch} does). */
  @Benchmark
  public long sluiceWithList(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(db.selectFrom(S.users).with(S.users.posts).fetchList(UserWithPosts.class)));
  }

  private Mono<UserWithPosts> sluicePostsOf(User u) {
    return db.selectFrom(S.posts).where(eq(S.posts.authorId, u.id())).fetch().collectList()
        .map(ps -> BenchSchema.withPosts(u, ps));
  }

  @Benchmark
  public long sluiceNPlusOne(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(
        db.selectFrom(S.users).fetch().flatMap(this::sluicePostsOf).collectList()));
  }

  @Benchmark
  public long sluiceNPlusOneSeq(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(
        db.selectFrom(S.users).fetch().concatMap(this::sluicePostsOf).collectList()));
  }

  private Flux<User> rawUsers() {
    return Flux.usingWhen(pool.create(),
        c -> Flux.from(c.createStatement(USERS_SQL).execute())
            .concatMap(r -> r.map((row, md) -> BenchSchema.user(row, 0))),
        Connection::close);
  }

  private Mono<UserWithPosts> rawPostsOf(User u) {
    return Flux.usingWhen(pool.create(),
            c -> Flux.from(c.createStatement(POSTS_OF_USER_SQL).bind(0, u.id()).execute())
                .concatMap(r -> r.map((row, md) -> BenchSchema.post(row, 0))),
            Connection::close)
        .collectList()
        .map(ps -> BenchSchema.withPosts(u, ps));
  }

  @Benchmark
  public long rawNPlusOne(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(rawUsers().flatMap(this::rawPostsOf).collectList()));
  }

  @Benchmark
  public long rawNPlusOneSeq(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(rawUsers().concatMap(this::rawPostsOf).collectList()));
  }

  /** Attaches posts grouped by author id to their users, in the users' order. */
  private static List<UserWithPosts> attach(List<User> users, List<Post> posts) {
    Map<Integer, List<Post>> byAuthor = new HashMap<>();
    for (Post p : posts) {
      byAuthor.computeIfAbsent(p.authorId(), k -> new ArrayList<>()).add(p);
    }
    List<UserWithPosts> out = new ArrayList<>(users.size());
    for (User u : users) {
      out.add(BenchSchema.withPosts(u, byAuthor.getOrDefault(u.id(), List.of())));
    }
    return out;
  }

  @Benchmark
  public long rawTwoQueries(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(rawUsers().collectList().flatMap(users -> {
      Integer[] ids = new Integer[users.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = users.get(i).id();
      }
      return Flux.usingWhen(pool.create(),
              c -> Flux.from(c.createStatement(POSTS_OF_USERS_SQL).bind(0, ids).execute())
                  .concatMap(r -> r.map((row, md) -> BenchSchema.post(row, 0))),
              Connection::close)
          .collectList()
          .map(posts -> attach(users, posts));
    })));
  }

  /**
   * {@link #rawTwoQueries} on Vert.x's client: all users, then their posts by
   * {@code author_id = ANY($1)} with one {@code int4[]} of the 1,000 ids, grouped by hand.
   */
  @Benchmark
  public long rawVertxTwoQueries(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(RawVertx.mono(rawVertx.preparedQuery(USERS_SQL).execute().compose(userRows -> {
      List<User> users = new ArrayList<>(userRows.size());
      for (io.vertx.sqlclient.Row row : userRows) {
        users.add(RawVertx.user(row, 0));
      }
      Integer[] ids = new Integer[users.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = users.get(i).id();
      }
      return rawVertx.preparedQuery(POSTS_OF_USERS_SQL)
          .execute(io.vertx.sqlclient.Tuple.tuple().addArrayOfInteger(ids))
          .map(postRows -> {
            List<Post> posts = new ArrayList<>(postRows.size());
            for (io.vertx.sqlclient.Row row : postRows) {
              posts.add(RawVertx.post(row, 0));
            }
            return attach(users, posts);
          });
    }))));
  }

  /** {@code SELECT ... WHERE author_id IN ($1, ..., $n)}, the SQL Sluice renders for a window. */
  static String inSql(int n) {
    StringBuilder sb = new StringBuilder("SELECT ").append(BenchSchema.POST_COLUMNS)
        .append(" FROM ").append(S.posts.name()).append(" WHERE author_id IN (");
    for (int i = 1; i <= n; i++) {
      sb.append(i == 1 ? "$" : ", $").append(i);
    }
    return sb.append(')').toString();
  }

  private static final String IN_WINDOW_SQL = inSql(WINDOW);

  @Benchmark
  public long rawWindowedIn(CpuPerOp cpu) {
    cpu.op();
    return check(BenchSupport.block(rawUsers().buffer(WINDOW).concatMap(users ->
        Flux.usingWhen(pool.create(), c -> {
              Statement st = c.createStatement(
                  users.size() == WINDOW ? IN_WINDOW_SQL : inSql(users.size()));
              for (int i = 0; i < users.size(); i++) {
                st.bind(i, users.get(i).id());
              }
              return Flux.from(st.execute())
                  .concatMap(r -> r.map((row, md) -> BenchSchema.post(row, 0)));
            }, Connection::close)
            .collectList()
            .flatMapIterable(posts -> attach(users, posts)))
        .collectList()));
  }
}
