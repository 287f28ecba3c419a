package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.MappingException;
import dev.sluice.query.RelationAggregate;
import dev.sluice.schema.Table;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Membership;
import dev.sluice.testing.Post;
import dev.sluice.testing.Schema.Cities;
import dev.sluice.testing.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Results shaped like the domain, on a live database: the parent row as a nested record beside its
 * relations, a joined row as one record per table, nested partial selects, aggregates of related
 * rows per parent (one grouped statement per window) and parents filtered by related rows
 * ({@code EXISTS}).
 */
public abstract class RelationShapesContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);

  public record UserWithPosts(User user, List<Post> posts) {}

  public record CityRow(City city, Country country) {}

  public record TwinCities(City city, City twin) {}

  public record CountryName(String name) {}

  public record CityView(Integer id, CountryName country) {}

  public record UserStats(String fullName, long postsCount, Long draftsCount, Integer postsMaxId,
      BigDecimal postsSumId) {}

  public record GroupCount(String fullName, Long groupsCount) {}

  public record Named(String fullName) {}

  public record Loaded(Integer id, List<Post> posts, Long postsCount) {}

  public record Member(String fullName, List<Post> posts, Long postsCount) {}

  public record WrongCount(String fullName, Integer postsCount) {}

  public record PrimitiveMax(String fullName, int postsMaxId) {}

  public record Unknown(String fullName, Long commentsCount) {}

  public record PostStats(String title, long commentsCount, Integer commentsMaxId) {}

  public record UserWithPostStats(String fullName, List<PostStats> posts) {}

  public record PostCount(Integer id, Long commentsCount) {}

  public record UserWithPostCounts(Integer id, List<PostCount> posts) {}

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {COMMENTS, POSTS}; }

  /** Users named user0000, user0001, ... with {@code perUser[i]} posts each, "draft" titles for the odd ones. */
  private List<User> usersWithPosts(int... perUser) {
    List<User> us = new ArrayList<>();
    for (int i = 0; i < perUser.length; i++) {
      us.add(new User(null, "user" + String.format("%04d", i), null, null, null));
    }
    List<User> saved = db.insertInto(USERS).values(us).returning().collectList().block(T);
    List<Post> ps = new ArrayList<>();
    for (int i = 0; i < saved.size(); i++) {
      for (int j = 0; j < perUser[i]; j++) {
        ps.add(new Post(null, saved.get(i).id(), (j % 2 == 1 ? "draft " : "post ") + saved.get(i).fullName() + "/" + j));
      }
    }
    if (!ps.isEmpty()) {
      db.insertInto(POSTS).values(ps).execute().block(T);
    }
    return saved;
  }

  private Database recording(List<String> sql, AtomicInteger statements) {
    return Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements, sql))
        .pooled(false).build();
  }

  @Test
  void readsTheParentRowAsANestedRecordBesideItsRelations() {
    List<User> us = usersWithPosts(2, 0);
    List<UserWithPosts> r = db.selectFrom(USERS).with(USERS.posts.orderBy(asc(POSTS.id))).orderBy(USERS.fullName)
        .fetch(UserWithPosts.class).collectList().block(T);
    assertThat(r).extracting(UserWithPosts::user).containsExactlyElementsOf(us);
    assertThat(r.get(0).posts()).extracting(Post::title).containsExactly("post user0000/0", "draft user0000/1");
    assertThat(r.get(1).posts()).isEmpty();
  }

  @Test
  void readsAJoinedRowIntoOneRecordPerTable() {
    Country peru = db.insertInto(COUNTRIES).values(new Country(null, "Peru")).returning().block(T);
    db.insertInto(CITIES).values(List.of(new City(null, "Lima", peru.id(), null),
        new City(null, "Cusco", peru.id(), null), new City(null, "Nowhere", null, null))).execute().block(T);
    List<CityRow> rows = db.selectFrom(CITIES).leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .orderBy(CITIES.name).fetch(CityRow.class).collectList().block(T);
    assertThat(rows).extracting(r -> r.city().name() + ":" + (r.country() == null ? null : r.country().name()))
        .containsExactly("Cusco:Peru", "Lima:Peru", "Nowhere:null");
    assertThat(rows.get(0).country()).isEqualTo(peru);

    Cities twin = CITIES.as("twin");
    assertThat(db.selectFrom(CITIES).join(twin).on(and(eq(CITIES.countryId, twin.countryId), lt(CITIES.id, twin.id)))
        .fetch(TwinCities.class).collectList().block(T))
        .singleElement().satisfies(t -> {
          assertThat(t.city().name()).isEqualTo("Lima");
          assertThat(t.twin().name()).isEqualTo("Cusco");
        });
  }

  @Test
  void aNestedPartialRecordSelectsOnlyTheColumnsItReads() {
    Country peru = db.insertInto(COUNTRIES).values(new Country(null, "Peru")).returning().block(T);
    db.insertInto(CITIES).values(List.of(new City(null, "Lima", peru.id(), POPULARITY_OF_LIMA),
        new City(null, "Nowhere", null, null))).execute().block(T);
    List<String> sql = Collections.synchronizedList(new ArrayList<>());
    List<CityView> r = recording(sql, new AtomicInteger()).selectFrom(CITIES).with(CITIES.country)
        .orderBy(CITIES.id).fetch(CityView.class).collectList().block(T);
    assertThat(r).extracting(c -> c.country() == null ? null : c.country().name()).containsExactly("Peru", null);
    assertThat(sql).hasSize(2);
    assertThat(sql.get(0)).as("the cities query reads the id and the key, not name or popularity: " + sql.get(0))
        .contains("country_id").doesNotContain("popularity").doesNotContain("name");
    assertThat(sql.get(1)).as("the countries query: " + sql.get(1)).contains("name").contains(COUNTRIES.name());
  }

  private static final dev.sluice.testing.Popularity POPULARITY_OF_LIMA = dev.sluice.testing.Popularity.POPULAR;

  @Test
  void aggregatesOfRelatedRowsArriveWithTheParentsInOneGroupedStatementPerRelationAndWindow() {
    usersWithPosts(0, 2, 5);
    List<String> sql = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger statements = new AtomicInteger();
    List<UserStats> r = recording(sql, statements).selectFrom(USERS)
        .withCount(USERS.posts).withMax(USERS.posts, POSTS.id).withSum(USERS.posts, POSTS.id)
        .withAggregate(RelationAggregate.count(USERS.posts.where(like(POSTS.title, "draft%"))).as("draftsCount"))
        .orderBy(USERS.fullName).fetch(UserStats.class).collectList().block(T);
    List<Post> posts = db.selectFrom(POSTS).orderBy(POSTS.id).fetch().collectList().block(T);
    assertThat(r).extracting(UserStats::fullName, UserStats::postsCount, UserStats::draftsCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("user0000", 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("user0001", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple("user0002", 5L, 2L));
    assertThat(r.get(0).postsMaxId()).isNull();
    assertThat(r.get(0).postsSumId()).isNull();
    assertThat(r.get(2).postsMaxId()).isEqualTo(posts.get(6).id());
    assertThat(r.get(1).postsSumId()).isEqualByComparingTo(BigDecimal.valueOf(posts.get(0).id() + posts.get(1).id()));
    assertThat(statements.get()).as("the users, the three aggregates of USERS.posts together, the filtered count: " + sql)
        .isEqualTo(3);
  }

  @Test
  void countsWindowByWindowAlongsideLoadedRelations() {
    int[] perUser = new int[1200];
    java.util.Arrays.fill(perUser, 1);
    usersWithPosts(perUser);
    AtomicInteger statements = new AtomicInteger();
    List<Loaded> r = recording(new ArrayList<>(), statements).selectFrom(USERS).with(USERS.posts).withCount(USERS.posts)
        .relationWindow(500).fetch(Loaded.class).collectList().block(T);
    assertThat(r).hasSize(1200).allSatisfy(u -> {
      assertThat(u.posts()).hasSize(1);
      assertThat(u.postsCount()).isEqualTo(1L);
    });
    assertThat(statements.get()).as("1 parent query + 2 per window of 500 (3 windows)").isEqualTo(7);
  }

  /** {@code perPost[i]} comments on the i-th post, posts in id order. */
  private List<dev.sluice.testing.Comment> commentOn(int... perPost) {
    List<Post> posts = db.selectFrom(POSTS).orderBy(POSTS.id).fetch().collectList().block(T);
    List<dev.sluice.testing.Comment> cs = new ArrayList<>();
    for (int i = 0; i < perPost.length; i++) {
      for (int j = 0; j < perPost[i]; j++) {
        cs.add(new dev.sluice.testing.Comment(null, posts.get(i).id(), "c" + i + "/" + j));
      }
    }
    if (!cs.isEmpty()) {
      db.insertInto(COMMENTS).values(cs).execute().block(T);
    }
    return db.selectFrom(COMMENTS).orderBy(COMMENTS.id).fetch().collectList().block(T);
  }

  @Test
  void aggregatesOfANestedRelationArriveWithTheRelatedRowsInOneGroupedStatement() {
    usersWithPosts(0, 2, 3);
    List<dev.sluice.testing.Comment> cs = commentOn(3, 0, 1, 0, 2);
    List<String> sql = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger statements = new AtomicInteger();
    List<UserWithPostStats> r = recording(sql, statements).selectFrom(USERS)
        .with(USERS.posts.orderBy(asc(POSTS.id)).withCount(POSTS.comments)
            .withAggregate(RelationAggregate.max(POSTS.comments, COMMENTS.id)))
        .orderBy(USERS.fullName).fetch(UserWithPostStats.class).collectList().block(T);
    assertThat(r).extracting(UserWithPostStats::fullName).containsExactly("user0000", "user0001", "user0002");
    assertThat(r.get(0).posts()).isEmpty();
    assertThat(r.get(1).posts()).extracting(PostStats::title, PostStats::commentsCount, PostStats::commentsMaxId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("post user0001/0", 3L, cs.get(2).id()),
            org.assertj.core.groups.Tuple.tuple("draft user0001/1", 0L, null));
    assertThat(r.get(2).posts()).extracting(PostStats::commentsCount).containsExactly(1L, 0L, 2L);
    assertThat(r.get(2).posts().get(2).commentsMaxId()).isEqualTo(cs.get(5).id());
    assertThat(statements.get()).as("the users, their posts, the two aggregates of the posts' comments together: " + sql)
        .isEqualTo(3);
    assertThat(sql.get(2)).as(sql.get(2)).containsIgnoringCase("group by").contains(COMMENTS.name());
  }

  @Test
  void nestedCountsRunOncePerWindowOfRelatedRowsNeverPerRow() {
    int[] perUser = new int[120];
    java.util.Arrays.fill(perUser, 1);
    usersWithPosts(perUser);
    int[] perPost = new int[120];
    for (int i = 0; i < perPost.length; i++) {
      perPost[i] = i % 3;   // 0, 1, 2 comments, zero-count posts included
    }
    commentOn(perPost);
    AtomicInteger statements = new AtomicInteger();
    List<UserWithPostCounts> r = recording(new ArrayList<>(), statements).selectFrom(USERS)
        .with(USERS.posts.withCount(POSTS.comments)).orderBy(USERS.fullName).relationWindow(50)
        .fetch(UserWithPostCounts.class).collectList().block(T);
    assertThat(r).hasSize(120);
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.get(i).posts()).singleElement().extracting(PostCount::commentsCount).isEqualTo((long) (i % 3));
    }
    assertThat(statements.get()).as("1 users query, then per window of 50 (3 windows) 1 posts and 1 comments count")
        .isEqualTo(7);
  }

  @Test
  void aNestedAggregateIsCheckedAgainstTheRelatedRecord() {
    assertThatThrownBy(() -> USERS.posts.withCount(POSTS.comments).withCount(POSTS.comments))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commentsCount");
    usersWithPosts(1);
    assertThatThrownBy(() -> db.selectFrom(USERS).with(USERS.posts.withCount(POSTS.comments))
        .fetch(UserWithPosts.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("commentsCount");
  }

  @Test
  void countsThroughAManyToManyRelation() {
    List<User> us = usersWithPosts(0, 0);
    List<ChatGroup> gs = db.insertInto(CHAT_GROUPS).values(List.of(new ChatGroup(null, "hikers"),
        new ChatGroup(null, "cooks"))).returning().collectList().block(T);
    db.insertInto(MEMBERSHIPS).values(List.of(new Membership(us.get(0).id(), gs.get(0).id()),
        new Membership(us.get(0).id(), gs.get(1).id()))).execute().block(T);
    assertThat(db.selectFrom(USERS).withCount(USERS.groups).orderBy(USERS.fullName).fetch(GroupCount.class)
        .collectList().block(T))
        .containsExactly(new GroupCount("user0000", 2L), new GroupCount("user0001", 0L));
  }

  @Test
  void filtersParentsByTheirRelatedRows() {
    usersWithPosts(0, 1, 3);
    assertThat(names(db.selectFrom(USERS).whereHas(USERS.posts).orderBy(USERS.fullName).fetch(Named.class)))
        .containsExactly("user0001", "user0002");
    assertThat(names(db.selectFrom(USERS).whereHas(USERS.posts, like(POSTS.title, "draft%")).fetch(Named.class)))
        .containsExactly("user0002");
    assertThat(names(db.selectFrom(USERS).whereDoesntHave(USERS.posts).fetch(Named.class)))
        .containsExactly("user0000");
    assertThat(names(db.selectFrom(USERS).whereDoesntHave(USERS.posts, like(POSTS.title, "draft%"))
        .orderBy(USERS.fullName).fetch(Named.class))).containsExactly("user0000", "user0001");
    assertThat(names(db.selectFrom(USERS).whereHas(USERS.posts.where(like(POSTS.title, "%/2"))).fetch(Named.class)))
        .as("the relation's own filter applies").containsExactly("user0002");
    assertThat(names(db.selectFrom(USERS).where(or(has(USERS.posts, like(POSTS.title, "draft%")),
        eq(USERS.fullName, "user0000"))).orderBy(USERS.fullName).fetch(Named.class)))
        .as("has(...) composes").containsExactly("user0000", "user0002");
    assertThat(db.selectFrom(POSTS).whereHas(POSTS.author, eq(USERS.fullName, "user0001")).fetch()
        .collectList().block(T)).singleElement().satisfies(p -> assertThat(p.title()).isEqualTo("post user0001/0"));
  }

  @Test
  void filtersByAManyToManyRelationAndCombinesWithLoading() {
    List<User> us = usersWithPosts(2, 1);
    ChatGroup cooks = db.insertInto(CHAT_GROUPS).values(new ChatGroup(null, "cooks")).returning().block(T);
    db.insertInto(MEMBERSHIPS).values(new Membership(us.get(1).id(), cooks.id())).execute().block(T);
    List<Member> r = db.selectFrom(USERS).whereHas(USERS.groups, eq(CHAT_GROUPS.name, "cooks"))
        .with(USERS.posts).withCount(USERS.posts).fetch(Member.class).collectList().block(T);
    assertThat(r).singleElement().satisfies(m -> {
      assertThat(m.fullName()).isEqualTo("user0001");
      assertThat(m.posts()).hasSize(1);
      assertThat(m.postsCount()).isEqualTo(1L);
    });
    assertThat(names(db.selectFrom(USERS).whereDoesntHave(USERS.groups).fetch(Named.class)))
        .containsExactly("user0000");
  }

  @Test
  void aResultRecordThatDoesNotFitIsRefusedNamingTheComponent() {
    usersWithPosts(1);
    assertThatThrownBy(() -> db.selectFrom(USERS).withCount(USERS.posts).fetch(WrongCount.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("WrongCount.postsCount")
        .hasMessageContaining("Long");
    assertThatThrownBy(() -> db.selectFrom(USERS).withMax(USERS.posts, POSTS.id).fetch(PrimitiveMax.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("PrimitiveMax.postsMaxId")
        .hasMessageContaining("null");
    assertThatThrownBy(() -> db.selectFrom(USERS).fetch(Unknown.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("Unknown.commentsCount");
    assertThatThrownBy(() -> db.selectFrom(USERS).withCount(USERS.posts).fetch(Named.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("postsCount");
    assertThatThrownBy(() -> db.selectFrom(USERS).withMax(USERS.posts, CITIES.id))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("posts");
    assertThatThrownBy(() -> db.selectFrom(CITIES).join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .fetch(UserWithPosts.class)).isInstanceOf(MappingException.class).hasMessageContaining("UserWithPosts.user");
  }

  private static List<String> names(reactor.core.publisher.Flux<Named> rows) {
    return rows.map(Named::fullName).collectList().block(T);
  }
}
