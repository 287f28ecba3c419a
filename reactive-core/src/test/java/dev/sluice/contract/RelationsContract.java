package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.MappingException;
import dev.sluice.schema.Table;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.Comment;
import dev.sluice.testing.Membership;
import dev.sluice.testing.Post;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** hasOne, hasMany, belongsTo and manyToMany, loaded in batches (never N+1), on a live database. */
public abstract class RelationsContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);

  public record UserWithPosts(Integer id, String fullName, List<Post> posts) {}

  public record PostWithComments(Integer id, String title, List<Comment> comments) {}

  public record UserWithPostsAndComments(String fullName, List<PostWithComments> posts) {}

  public record PostWithAuthor(String title, User author) {}

  public record UserWithGroups(String fullName, List<ChatGroup> groups) {}

  public record UserWithLatest(String fullName, Post latestPost) {}

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {COMMENTS, POSTS}; }

  private List<User> users(int n) {
    List<User> us = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      us.add(new User(null, "user" + String.format("%04d", i), null, null, null));
    }
    return db.insertInto(USERS).values(us).returning().collectList().block(T);
  }

  private List<Post> posts(List<User> users, int perUser) {
    List<Post> ps = new ArrayList<>();
    for (User u : users) {
      for (int j = 0; j < perUser; j++) {
        ps.add(new Post(null, u.id(), u.fullName() + "/p" + j));
      }
    }
    return db.insertInto(POSTS).values(ps).returning().collectList().block(T);
  }

  /** A database on the test's pool whose statements are counted. */
  private Database counting(AtomicInteger statements) {
    return Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements)).pooled(false).build();
  }

  private static void assertEveryOneHasTenOwnPosts(List<UserWithPosts> all, int users) {
    assertThat(all).hasSize(users);
    assertThat(all).allSatisfy(u -> assertThat(u.posts()).hasSize(10)
        .allSatisfy(p -> assertThat(p.authorId()).isEqualTo(u.id())));
  }

  @Test
  void loadsAThousandParentsWithTenChildrenInOneQueryPerWindow() {
    posts(users(1000), 10);
    AtomicInteger statements = new AtomicInteger();
    Database counting = counting(statements);
    List<UserWithPosts> all = counting.selectFrom(USERS).with(USERS.posts).orderBy(USERS.fullName)
        .fetch(UserWithPosts.class).collectList().block(T);
    assertEveryOneHasTenOwnPosts(all, 1000);
    assertThat(all.get(0).fullName()).isEqualTo("user0000");
    assertThat(statements.get()).as("1 parent query + 1 per window of 500").isEqualTo(3);
  }

  @Test
  void loadsParentsWithTheirChildrenAsOneListReadingTheParentsWhole() {
    posts(users(1000), 10);
    AtomicInteger statements = new AtomicInteger();
    Database counting = counting(statements);
    List<UserWithPosts> all = counting.selectFrom(USERS).with(USERS.posts).orderBy(USERS.fullName)
        .fetchList(UserWithPosts.class).block(T);
    assertEveryOneHasTenOwnPosts(all, 1000);
    assertThat(all).extracting(UserWithPosts::fullName).isSorted().first().isEqualTo("user0000");
    int listWindow = Math.max(500, db.dialect().capabilities().maxBindParameters() / 4);
    assertThat(statements.get()).as("1 parent query + 1 per window of " + listWindow)
        .isEqualTo(1 + (1000 + listWindow - 1) / listWindow);
    assertThat(db.selectFrom(USERS).with(USERS.posts).where(eq(USERS.fullName, "nobody"))
        .fetchList(UserWithPosts.class).block(T)).isEmpty();
    List<UserWithPosts> inTx = db.inTransaction(tx -> tx.selectFrom(USERS).with(USERS.posts)
        .where(eq(USERS.fullName, "user0007")).fetchList(UserWithPosts.class)).blockLast(T);
    assertThat(inTx).singleElement().satisfies(u -> assertThat(u.posts()).extracting(Post::title)
        .containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 10).mapToObj(j -> "user0007/p" + j)
            .toArray(String[]::new)));
  }

  @Test
  void aRelationQueryReadsTheKeyFromTheRelatedColumnsUnlessItIsOnTheJoinTable() {
    List<User> us = users(2);
    posts(us, 2);
    List<String> sql = java.util.Collections.synchronizedList(new ArrayList<>());
    Database recording = Database.builder()
        .connectionFactory(CountingConnectionFactory.wrap(pool, new AtomicInteger(), sql)).pooled(false).build();
    assertThat(recording.selectFrom(USERS).with(USERS.posts).orderBy(USERS.fullName)
        .fetch(UserWithPosts.class).collectList().block(T))
        .allSatisfy(u -> assertThat(u.posts()).hasSize(2)
            .allSatisfy(p -> assertThat(p.authorId()).isEqualTo(u.id())));
    assertThat(sql).filteredOn(s -> s.contains(POSTS.name())).singleElement()
        .satisfies(s -> assertThat(s.split("author_id", -1)).as("author_id once in the select list, once in the IN: " + s)
            .hasSize(3));
    sql.clear();
    assertThat(recording.selectFrom(USERS).with(USERS.groups).fetch(UserWithGroups.class).collectList().block(T))
        .hasSize(2);
    assertThat(sql).filteredOn(s -> s.contains(MEMBERSHIPS.name())).singleElement()
        .satisfies(s -> assertThat(s.split("user_id", -1)).as("the join table's key selected and matched: " + s)
            .hasSize(3));
  }

  @Test
  void nestsRelationsAndStreamsWithBackpressure() {
    List<Post> ps = posts(users(3), 2);
    List<Comment> cs = new ArrayList<>();
    for (Post p : ps) {
      cs.add(new Comment(null, p.id(), "on " + p.title()));
    }
    db.insertInto(COMMENTS).values(cs).execute().block(T);
    StepVerifier.create(db.selectFrom(USERS).with(USERS.posts.with(POSTS.comments)).orderBy(USERS.fullName)
            .fetch(UserWithPostsAndComments.class), 1)
        .assertNext(u -> {
          assertThat(u.fullName()).isEqualTo("user0000");
          assertThat(u.posts()).hasSize(2);
          assertThat(u.posts().get(0).comments()).singleElement()
              .satisfies(c -> assertThat(c.body()).startsWith("on user0000/p"));
        })
        .thenRequest(2).expectNextCount(2).verifyComplete();
  }

  @Test
  void belongsToAndHasOneGiveASingleRecordOrNull() {
    List<User> us = users(2);
    posts(us.subList(0, 1), 3);
    assertThat(db.selectFrom(POSTS).with(POSTS.author).fetch(PostWithAuthor.class).collectList().block(T))
        .hasSize(3).allSatisfy(p -> assertThat(p.author().fullName()).isEqualTo("user0000"));
    List<UserWithLatest> latest = db.selectFrom(USERS)
        .with(USERS.latestPost.orderBy(desc(POSTS.id))).orderBy(USERS.fullName)
        .fetch(UserWithLatest.class).collectList().block(T);
    assertThat(latest.get(0).latestPost().title()).isEqualTo("user0000/p2");
    assertThat(latest.get(1).latestPost()).isNull();
  }

  @Test
  void manyToManyGoesThroughTheJoinTable() {
    List<User> us = users(3);
    List<ChatGroup> gs = db.insertInto(CHAT_GROUPS).values(List.of(new ChatGroup(null, "hikers"),
        new ChatGroup(null, "cooks"))).returning().collectList().block(T);
    db.insertInto(MEMBERSHIPS).values(List.of(new Membership(us.get(0).id(), gs.get(0).id()),
        new Membership(us.get(0).id(), gs.get(1).id()), new Membership(us.get(1).id(), gs.get(1).id())))
        .execute().block(T);
    List<UserWithGroups> r = db.selectFrom(USERS).with(USERS.groups.orderBy(asc(CHAT_GROUPS.name)))
        .orderBy(USERS.fullName).fetch(UserWithGroups.class).collectList().block(T);
    assertThat(r).extracting(u -> u.fullName() + ":" + u.groups().stream().map(ChatGroup::name).toList())
        .containsExactly("user0000:[cooks, hikers]", "user0001:[cooks]", "user0002:[]");
  }

  @Test
  void relationsTakeFiltersOrderingAndAPerParentLimit() {
    posts(users(2), 5);
    List<UserWithPosts> r = db.selectFrom(USERS)
        .with(USERS.posts.where(notLike(POSTS.title, "%p0")).orderBy(desc(POSTS.title)).limit(2))
        .orderBy(USERS.fullName).fetch(UserWithPosts.class).collectList().block(T);
    assertThat(r.get(0).posts()).extracting(Post::title).containsExactly("user0000/p4", "user0000/p3");
    assertThat(r.get(1).posts()).extracting(Post::title).containsExactly("user0001/p4", "user0001/p3");
  }

  @Test
  void loadsInsideATransactionOnOneConnection() {
    posts(users(3), 2);
    List<UserWithPosts> r = db.inTransaction(tx -> tx.selectFrom(USERS).with(USERS.posts)
        .relationWindow(2).fetch(UserWithPosts.class)).collectList().block(T);
    assertThat(r).hasSize(3).allSatisfy(u -> assertThat(u.posts()).hasSize(2));
  }

  @Test
  void aResultRecordWithoutTheRelationsComponentIsRejected() {
    assertThatThrownBy(() -> db.selectFrom(USERS).with(USERS.groups).fetch(UserWithPosts.class).blockLast(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("posts");
  }
}
