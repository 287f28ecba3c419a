package dev.sluice.examples.service;

import static dev.sluice.examples.service.Tables.POSTS;
import static dev.sluice.examples.service.Tables.USERS;
import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.examples.service.Tables.Post;
import dev.sluice.examples.service.Tables.User;
import dev.sluice.examples.service.Tables.UserWithPosts;
import dev.sluice.query.Page;
import dev.sluice.query.SelectFrom;
import java.util.List;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every query of the service, with Sluice. As a {@code @Repository} bean its {@code Mono}s and
 * {@code Flux}es fail with Spring's {@code DataAccessException}s (the starter translates them), so
 * {@link Problems} maps a duplicate e-mail and a stale version to 409.
 */
@Repository
public class UserRepository {
  private final Database db;

  public UserRepository(Database db) {
    this.db = db;
  }

  /** One user, or empty. */
  public Mono<User> byId(long id) {
    return db.selectFrom(USERS).where(eq(USERS.id, id)).fetchOne();
  }

  /** Keyset page: the {@code size} users after id {@code after} (from the first when null). */
  public Flux<User> after(Long after, int size) {
    return keyset(after).limit(size).fetch();
  }

  /** Offset page {@code page} (from 0), with the total in the same statement. */
  public Mono<Page<User>> page(int page, int size) {
    return db.selectFrom(USERS).orderBy(USERS.id).paginate(page, size);
  }

  /**
   * Every user in id order (the first {@code limit} when given), streamed with backpressure. On
   * PostgreSQL the rows come through a cursor, 500 per round trip, so a cancelled stream stops at once.
   */
  public Flux<User> stream(Long limit) {
    SelectFrom<User> all = db.selectFrom(USERS).orderBy(USERS.id).fetchSize(500);
    return (limit == null ? all : all.limit(limit)).fetch();
  }

  /** A keyset page of users, each with its posts: 2 statements however many users. */
  public Flux<UserWithPosts> withPosts(Long after, int size) {
    return keyset(after).limit(size).with(USERS.posts).fetch(UserWithPosts.class);
  }

  /** Inserts a user and its first posts in one transaction: a failing post leaves no user. */
  public Mono<User> create(User user, List<String> titles) {
    return db.inTransaction(tx -> tx.insertInto(USERS).values(user).returning()
            .flatMap(u -> titles.isEmpty() ? Mono.just(u)
                : tx.insertInto(POSTS).values(titles.stream().map(t -> new Post(null, u.id(), t)).toList())
                    .execute().thenReturn(u)))
        .single();
  }

  /**
   * Changes a user's e-mail and name if it is still at {@code version}; empty when there is no such
   * user. A stale version fails with an optimistic lock error, and nothing is written.
   */
  public Mono<User> update(long id, String email, String name, int version) {
    return db.inTransaction(tx -> tx.selectFrom(USERS).where(eq(USERS.id, id)).fetchOne()
            .flatMap(current -> tx.update(USERS)
                .byKey(new User(id, email, name, version, current.createdAt())).execute()
                .then(tx.selectFrom(USERS).where(eq(USERS.id, id)).fetchOne())))
        .singleOrEmpty();
  }

  /** Inserts the users as they arrive, in multi-row statements, all in one transaction. */
  public Mono<Long> importAll(Flux<User> users) {
    return db.insertInto(USERS).values(users).execute();
  }

  private SelectFrom<User> keyset(Long after) {
    SelectFrom<User> ordered = db.selectFrom(USERS).orderBy(USERS.id);
    return after == null ? ordered : ordered.seek(USERS.id, after);
  }
}
