package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.RelationLoader;
import dev.sluice.internal.RelationTotal;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * {@code db.selectFrom(USERS).with(USERS.posts)}: rows of one table with related rows loaded in
 * batches, read into a result record whose components are the table's columns and the relations.
 * It has no {@code fetch()}: the table's own record has nowhere to put the related rows.
 *
 * <pre>{@code
 * record UserWithPosts(Integer id, String fullName, List<Post> posts) {}
 * Flux<UserWithPosts> r = db.selectFrom(USERS).with(USERS.posts).orderBy(USERS.id).fetch(UserWithPosts.class);
 * // SELECT "id", "full_name", ... FROM "users" ORDER BY "id"
 * // SELECT ... FROM "posts" WHERE "author_id" = ANY($1)        (one per window of 500 users)
 * }</pre>
 *
 * @param <R> the row record of the table
 */
public final class SelectWith<R> extends SelectShape<SelectWith<R>> {
  static final int DEFAULT_WINDOW = 500;

  private final List<Relation<?, ?>> relations;
  private final List<RelationTotal> totals;
  private final int relationWindow;
  /** Null, or how each statement of the load goes through the query cache. */
  private final RelationLoader.Caching caching;

  /** False when the query opted out of the {@code afterFetch} hooks ({@link #withoutHooks()}). */
  private final boolean hooks;

  SelectWith(Executor executor, SelectQuery query, int fetchSize, List<Relation<?, ?>> relations,
      int relationWindow, boolean hooks) {
    this(executor, query, fetchSize, relations, List.of(), relationWindow, null, hooks);
  }

  private SelectWith(Executor executor, SelectQuery query, int fetchSize, List<Relation<?, ?>> relations,
      List<RelationTotal> totals, int relationWindow, RelationLoader.Caching caching, boolean hooks) {
    super(executor, query, fetchSize);
    this.relations = List.copyOf(relations);
    this.totals = List.copyOf(totals);
    this.relationWindow = relationWindow;
    this.caching = caching;
    this.hooks = hooks;
  }

  @Override SelectWith<R> copy(SelectQuery query, int fetchSize) {
    return new SelectWith<>(executor, query, fetchSize, relations, totals, relationWindow, caching, hooks);
  }

  @Override SelectWith<R> on(Executor executor) {
    return new SelectWith<>(executor, query, fetchSize, relations, totals, relationWindow, caching, hooks);
  }

  /** Loads these relations too. */
  @SafeVarargs
  public final SelectWith<R> with(Relation<R, ?>... relations) {
    List<Relation<?, ?>> all = new ArrayList<>(this.relations);
    for (Relation<R, ?> r : relations) {
      owned(r);
      all.add(r);
    }
    return new SelectWith<>(executor, query, fetchSize, all, totals, relationWindow, caching, hooks);
  }

  /**
   * This load without any {@code afterFetch} hook: neither the table's (on its row records, as the
   * result or as a component of it) nor the related tables' (on the related row records).
   *
   * <pre>{@code
   * db.selectFrom(USERS).with(USERS.posts).withoutHooks().fetch(UserWithPosts.class);
   * }</pre>
   */
  public SelectWith<R> withoutHooks() {
    return new SelectWith<>(executor, query, fetchSize, relations, totals, relationWindow, caching, false);
  }

  /** How many parents share one batched relation query (default 500). */
  public SelectWith<R> relationWindow(int parents) {
    if (parents < 1) {
      throw new IllegalArgumentException("relationWindow must be >= 1, was " + parents);
    }
    return new SelectWith<>(executor, query, fetchSize, relations, totals, parents, caching, hooks);
  }

  /**
   * Also reads the number of related rows of each parent into component {@code <relation>Count}
   * ({@code Long} or {@code long}): one grouped query per window, with the other aggregates of the
   * same relation.
   *
   * <pre>{@code
   * record UserStats(String fullName, long postsCount) {}
   * db.selectFrom(USERS).withCount(USERS.posts).fetch(UserStats.class);
   * // SELECT "id", "full_name" FROM "users"
   * // SELECT "author_id", COUNT(*) FROM "posts" WHERE "author_id" = ANY($1) GROUP BY "author_id"
   * }</pre>
   */
  @SafeVarargs
  public final SelectWith<R> withCount(Relation<R, ?>... relations) {
    List<RelationAggregate<R, ?>> all = new ArrayList<>();
    for (Relation<R, ?> r : relations) {
      all.add(RelationAggregate.count(r));
    }
    return aggregates(all);
  }

  /** Also reads {@code SUM(column)} of each parent's related rows into {@code <relation>Sum<Column>} (a {@code BigDecimal}). */
  public SelectWith<R> withSum(Relation<R, ?> relation, Column<? extends Number> column) {
    return aggregates(List.of(RelationAggregate.sum(relation, column)));
  }

  /** Also reads {@code AVG(column)} of each parent's related rows into {@code <relation>Avg<Column>} (a {@code BigDecimal}). */
  public SelectWith<R> withAvg(Relation<R, ?> relation, Column<? extends Number> column) {
    return aggregates(List.of(RelationAggregate.avg(relation, column)));
  }

  /** Also reads {@code MIN(column)} of each parent's related rows into {@code <relation>Min<Column>}. */
  public SelectWith<R> withMin(Relation<R, ?> relation, Column<?> column) {
    return aggregates(List.of(RelationAggregate.min(relation, column)));
  }

  /** Also reads {@code MAX(column)} of each parent's related rows into {@code <relation>Max<Column>}. */
  public SelectWith<R> withMax(Relation<R, ?> relation, Column<?> column) {
    return aggregates(List.of(RelationAggregate.max(relation, column)));
  }

  /** Also reads these aggregates, each into its {@link RelationAggregate#component()}. */
  @SafeVarargs
  public final SelectWith<R> withAggregate(RelationAggregate<R, ?>... aggregates) {
    return aggregates(java.util.Arrays.asList(aggregates));
  }

  private SelectWith<R> aggregates(List<RelationAggregate<R, ?>> more) {
    List<RelationTotal> all = new ArrayList<>(totals);
    for (RelationAggregate<R, ?> a : more) {
      owned(a.relation());
      for (RelationTotal t : all) {
        if (t.component().equals(a.component())) {
          throw new IllegalArgumentException("Two aggregates are read into component " + a.component()
              + "; name one with as(...)");
        }
      }
      all.add(new RelationTotal(a.component(), a.relation(), a.value()));
    }
    return new SelectWith<>(executor, query, fetchSize, relations, all, relationWindow, caching, hooks);
  }

  private void owned(Relation<?, ?> r) {
    if (r.owner() != query.from()) {
      throw new IllegalArgumentException("Relation " + r.name() + " belongs to table "
          + r.owner().name() + ", not " + query.from().name());
    }
  }

  /**
   * Streams the rows as records of {@code type}. Each component is filled by name: a column
   * ({@code String fullName}), a relation ({@code List<Post> posts}, {@code User author}), an
   * aggregate ({@code Long postsCount}); a component whose type is the table's row record
   * ({@code User user}) gets the whole row. Only the columns the record reads are selected, in
   * the related queries too: {@code record CityView(String name, CountryName country)} with
   * {@code record CountryName(String name)} reads {@code name} and the keys, nothing else.
   *
   * <p>A table's {@code afterFetch} hooks run on each of its row records this builds: the result
   * when {@code type} is the row record, a component of the row record's type ({@code User user}),
   * related records of the related table's row record ({@code List<Post> posts}). A partial record
   * ({@code record Named(String fullName)}) is not the record the hook was written for, so no hook
   * runs on it. {@link #withoutHooks()} turns them all off for this query.
   */
  public <X> Flux<X> fetch(Class<X> type) {
    return new RelationLoader(executor, relationWindow, caching).load(query, query.from(), relations, totals, type,
        fetchSize > 0 ? fetchSize : executor.fetchSize(), hooks);
  }

  /**
   * {@link #fetch(Class)} as one list. The parents are read whole, in one execution (see
   * {@link SelectBase#fetchList()}), and their connection is given back before the related rows are
   * read. Everything is held anyway, so a related query takes as many parents as the database binds
   * comfortably (a quarter of its {@code maxBindParameters}, at least the 500 of {@link #fetch(Class)}):
   * on PostgreSQL, 1,000 users with their posts are two statements.
   */
  public <X> reactor.core.publisher.Mono<List<X>> fetchList(Class<X> type) {
    return new RelationLoader(executor, relationWindow, caching).loadList(query, query.from(), relations, totals, type,
        hooks);
  }

  /**
   * This load through the {@code Database}'s query cache: the parent query and each batched related
   * query are cached on their own (keyed by their SQL and bound values, dropped by writes to the
   * tables they read, on commit inside a transaction), kept for the cache's default time to live.
   * The parents are then read as a whole list (cache what fits in memory). Inside a transaction
   * the cache is bypassed. Needs {@code DatabaseBuilder.cache(...)}.
   */
  public SelectWith<R> cached() {
    return new SelectWith<>(executor, query, fetchSize, relations, totals, relationWindow,
        new RelationLoader.Caching(null, java.util.Set.of()), hooks);
  }

  /** {@link #cached()} kept for {@code ttl}, and dropped with any of {@code tags}. */
  public SelectWith<R> cached(java.time.Duration ttl, String... tags) {
    java.util.Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A cache time to live must be positive, was " + ttl);
    }
    return new SelectWith<>(executor, query, fetchSize, relations, totals, relationWindow,
        new RelationLoader.Caching(ttl, java.util.Set.of(tags)), hooks);
  }

  /**
   * Keeps the rows that have at least one related row through {@code relation} (rendered as a
   * correlated {@code EXISTS}; the relation's own {@code where(...)} applies).
   *
   * <pre>{@code
   * db.selectFrom(USERS).whereHas(USERS.posts, like(POSTS.title, "Java%")).fetch();
   * // PostgreSQL: SELECT ... FROM "users" WHERE EXISTS (SELECT 1 FROM "posts"
   * //   WHERE "posts"."author_id" = "users"."id" AND "posts"."title" LIKE $1)
   * }</pre>
   */
  public SelectWith<R> whereHas(Relation<R, ?> relation) { return where(Functions.has(relation)); }

  /** Keeps the rows with at least one related row matching {@code condition}. */
  public SelectWith<R> whereHas(Relation<R, ?> relation, dev.sluice.sql.Condition condition) {
    return where(Functions.has(relation, condition));
  }

  /** Keeps the rows without a related row: {@code NOT EXISTS (...)}. */
  public SelectWith<R> whereDoesntHave(Relation<R, ?> relation) { return where(Functions.doesntHave(relation)); }

  /** Keeps the rows without a related row matching {@code condition}. */
  public SelectWith<R> whereDoesntHave(Relation<R, ?> relation, dev.sluice.sql.Condition condition) {
    return where(Functions.doesntHave(relation, condition));
  }
}
