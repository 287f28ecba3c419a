package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.RelationLoader;
import dev.sluice.schema.Relation;
import dev.sluice.sql.Expr;
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
  private final int relationWindow;

  SelectWith(Executor executor, SelectQuery query, int fetchSize, List<Relation<?, ?>> relations,
      int relationWindow) {
    super(executor, query, fetchSize);
    this.relations = List.copyOf(relations);
    this.relationWindow = relationWindow;
  }

  @Override SelectWith<R> copy(SelectQuery query, int fetchSize) {
    return new SelectWith<>(executor, query, fetchSize, relations, relationWindow);
  }

  @Override SelectWith<R> on(Executor executor) {
    return new SelectWith<>(executor, query, fetchSize, relations, relationWindow);
  }

  /** Loads these relations too. */
  @SafeVarargs
  public final SelectWith<R> with(Relation<R, ?>... relations) {
    List<Relation<?, ?>> all = new ArrayList<>(this.relations);
    for (Relation<R, ?> r : relations) {
      if (r.owner() != query.from()) {
        throw new IllegalArgumentException("Relation " + r.name() + " belongs to table "
            + r.owner().name() + ", not " + query.from().name());
      }
      all.add(r);
    }
    return new SelectWith<>(executor, query, fetchSize, all, relationWindow);
  }

  /** How many parents share one batched relation query (default 500). */
  public SelectWith<R> relationWindow(int parents) {
    if (parents < 1) {
      throw new IllegalArgumentException("relationWindow must be >= 1, was " + parents);
    }
    return new SelectWith<>(executor, query, fetchSize, relations, parents);
  }

  /**
   * Streams the rows as records of {@code type}: components named like the table's column fields
   * get the column values, components named like a relation get the related record ({@code Post})
   * or records ({@code List<Post>}).
   */
  public <X> Flux<X> fetch(Class<X> type) {
    List<Expr<?>> all = new ArrayList<>();
    query.from().columns().forEach(c -> all.add(c.expr()));
    return new RelationLoader(executor, relationWindow).load(query.withSelect(all), query.from(),
        relations, type, fetchSize > 0 ? fetchSize : executor.fetchSize());
  }
}
