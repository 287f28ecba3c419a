package dev.sluice.schema;

import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Condition;
import dev.sluice.sql.OrderItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A relation declared as a field of a table, loaded eagerly with {@code selectFrom(...).with(...)}:
 * one query for the parents, then one batched {@code IN (...)} query per window of parents per
 * relation, never one query per row.
 *
 * <pre>{@code
 * public final Relation<User, Post>  posts  = hasMany(() -> POSTS.authorId);                      // in Users
 * public final Relation<Post, User>  author = belongsTo(() -> authorId);                          // in Posts
 * public final Relation<User, Group> groups = manyToMany(() -> MEMBERSHIPS.userId, () -> MEMBERSHIPS.groupId);
 *
 * db.selectFrom(USERS).with(USERS.posts.with(POSTS.comments).orderBy(desc(POSTS.id)).limit(3))
 *     .fetch(UserWithPosts.class);   // record UserWithPosts(Integer id, String name, List<PostWithComments> posts)
 * }</pre>
 *
 * Immutable: {@link #with}, {@link #withCount}, {@link #withAggregate}, {@link #where}, {@link #orderBy}
 * and {@link #limit} return changed copies that keep the declared relation's name.
 *
 * <p>Aggregates of the related rows' own relations are read the same way, one grouped statement per
 * window of related rows:
 *
 * <pre>{@code
 * record PostStats(String title, long commentsCount) {}
 * record UserWithStats(String fullName, List<PostStats> posts) {}
 * db.selectFrom(USERS).with(USERS.posts.withCount(POSTS.comments)).fetch(UserWithStats.class);
 * // SELECT "id", "full_name" FROM "users"
 * // SELECT "id", "author_id", "title" FROM "posts" WHERE "author_id" = ANY($1)
 * // SELECT "post_id", COUNT(*) FROM "comments" WHERE "post_id" = ANY($1) GROUP BY "post_id"
 * }</pre>
 *
 * @param <P> the parent row type
 * @param <C> the related row type
 */
public final class Relation<P, C> {
  /** The kinds of relation. */
  public enum Kind { HAS_ONE, HAS_MANY, BELONGS_TO, MANY_TO_MANY }

  private final Table<P> owner;
  private final Kind kind;
  private final Supplier<Column<?>> first;
  private final Supplier<Column<?>> second;
  private final Relation<P, C> declared;
  private final List<Relation<?, ?>> nested;
  private final List<Aggregated<?>> aggregates;
  private final Condition where;
  private final List<OrderItem> orderBy;
  private final int limit;

  Relation(Table<P> owner, Kind kind, Supplier<Column<?>> first, Supplier<Column<?>> second) {
    this(owner, kind, first, second, null, List.of(), List.of(), null, List.of(), 0);
  }

  private Relation(Table<P> owner, Kind kind, Supplier<Column<?>> first, Supplier<Column<?>> second,
      Relation<P, C> declared, List<Relation<?, ?>> nested, List<Aggregated<?>> aggregates, Condition where,
      List<OrderItem> orderBy, int limit) {
    this.owner = owner;
    this.kind = kind;
    this.first = first;
    this.second = second;
    this.declared = declared == null ? this : declared;
    this.nested = List.copyOf(nested);
    this.aggregates = List.copyOf(aggregates);
    this.where = where;
    this.orderBy = List.copyOf(orderBy);
    this.limit = limit;
  }

  /** Also loads these relations of the related rows (nesting to any depth). */
  public Relation<P, C> with(Relation<C, ?>... relations) {
    List<Relation<?, ?>> all = new ArrayList<>(nested);
    all.addAll(Arrays.asList(relations));
    for (Relation<?, ?> r : relations) {
      if (r.owner() != target()) {
        throw new IllegalArgumentException("Relation " + r.name() + " belongs to table "
            + r.owner().name() + ", not to " + target().name());
      }
    }
    return new Relation<>(owner, kind, first, second, declared, all, aggregates, where, orderBy, limit);
  }

  /**
   * Also reads, for each related row, the number of its own related rows through {@code relations}
   * into the related record's component {@code <relation>Count} ({@code long} or {@code Long}, 0
   * without rows): one grouped statement per window of related rows, never one per row.
   */
  @SafeVarargs
  public final Relation<P, C> withCount(Relation<C, ?>... relations) {
    List<Aggregated<?>> more = new ArrayList<>(relations.length);
    for (Relation<C, ?> r : relations) {
      Objects.requireNonNull(r, "relation");
      more.add(new Count<>(r.name() + "Count", r, new Aggregate<>(Aggregate.Function.COUNT, null, false, COUNT_TYPE)));
    }
    return withAggregates(more);
  }

  /**
   * Also reads these aggregates of each related row's own relations into the related record
   * ({@code RelationAggregate.max(POSTS.comments, COMMENTS.id)} into {@code commentsMaxId}), as
   * {@link #withCount} does.
   */
  @SafeVarargs
  public final Relation<P, C> withAggregate(Aggregated<C>... aggregates) {
    return withAggregates(Arrays.asList(aggregates));
  }

  private Relation<P, C> withAggregates(List<? extends Aggregated<?>> more) {
    List<Aggregated<?>> all = new ArrayList<>(aggregates);
    for (Aggregated<?> a : more) {
      Objects.requireNonNull(a, "aggregate");
      if (a.relation().owner() != target()) {
        throw new IllegalArgumentException("Relation " + a.relation().name() + " belongs to table "
            + a.relation().owner().name() + ", not to " + target().name());
      }
      for (Aggregated<?> b : all) {
        if (b.component().equals(a.component())) {
          throw new IllegalArgumentException("Two aggregates are read into component " + a.component()
              + "; name one with as(...)");
        }
      }
      all.add(a);
    }
    return new Relation<>(owner, kind, first, second, declared, nested, all, where, orderBy, limit);
  }

  /** Loads only related rows matching {@code condition}. */
  public Relation<P, C> where(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new Relation<>(owner, kind, first, second, declared, nested, aggregates, condition, orderBy, limit);
  }

  /** Orders the related rows of each parent. */
  public Relation<P, C> orderBy(OrderItem... items) {
    return new Relation<>(owner, kind, first, second, declared, nested, aggregates, where, Arrays.asList(items), limit);
  }

  /** At most {@code n} related rows per parent (after ordering). */
  public Relation<P, C> limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + n);
    }
    return new Relation<>(owner, kind, first, second, declared, nested, aggregates, where, orderBy, n);
  }

  public Kind kind() { return kind; }

  /** The table that declares the relation. */
  public Table<P> owner() { return owner; }

  /** The field name of the declared relation, e.g. {@code posts}. */
  public String name() { return owner.meta().relationName(declared); }

  /** The related table. */
  public Table<?> target() {
    return switch (kind) {
      case HAS_ONE, HAS_MANY -> first.get().table();
      case BELONGS_TO -> referenced(first.get()).table();
      case MANY_TO_MANY -> referenced(second.get()).table();
    };
  }

  /** The column of the owner whose values key the related rows. */
  public Column<?> ownerKey() {
    return switch (kind) {
      case HAS_ONE, HAS_MANY, MANY_TO_MANY -> referenced(first.get());
      case BELONGS_TO -> first.get();
    };
  }

  /** The column matched against the owner keys: on the target, or on the join table for many-to-many. */
  public Column<?> targetKey() {
    return switch (kind) {
      case HAS_ONE, HAS_MANY, MANY_TO_MANY -> first.get();
      case BELONGS_TO -> referenced(first.get());
    };
  }

  /** For many-to-many: the join-table column pointing at the target, else null. */
  public Column<?> throughTargetColumn() { return kind == Kind.MANY_TO_MANY ? second.get() : null; }

  /** True when each parent has at most one related row. */
  public boolean single() { return kind == Kind.HAS_ONE || kind == Kind.BELONGS_TO; }

  public List<Relation<?, ?>> nested() { return nested; }

  /** The aggregates of the related rows' own relations read with them ({@link #withCount}, {@link #withAggregate}). */
  public List<Aggregated<?>> aggregates() { return aggregates; }

  public Condition where() { return where; }

  public List<OrderItem> orderBy() { return orderBy; }

  /** The per-parent limit, or 0 for none. */
  public int limit() { return limit; }

  Relation<P, C> declared() { return declared; }

  private Column<?> referenced(Column<?> fk) {
    Column<?> target = fk.referencedColumn();
    if (target == null) {
      throw new dev.sluice.error.MappingException("Relation on table " + owner.name() + " uses column " + fk
          + ", which has no references(...) foreign key");
    }
    return target;
  }

  /**
   * An aggregate of each row's related rows through {@link #relation()}, read into the record
   * component {@link #component()}: {@code dev.sluice.query.RelationAggregate} is the one to use
   * ({@code RelationAggregate.max(POSTS.comments, COMMENTS.id).as("lastComment")}).
   *
   * @param <P> the row type owning the relation
   */
  public interface Aggregated<P> {
    /** The record component that receives the value. */
    String component();

    /** The relation whose rows are aggregated, with its own filter. */
    Relation<P, ?> relation();

    /** The aggregate, over the related table's columns. */
    Aggregate<?> value();
  }

  private static final DataType<Long> COUNT_TYPE = NumericCodec.type(SqlKind.BIGINT, Long.class);

  private record Count<P>(String component, Relation<P, ?> relation, Aggregate<?> value) implements Aggregated<P> {}

  @Override public String toString() { return owner.name() + "." + kind + "->" + target().name(); }
}
