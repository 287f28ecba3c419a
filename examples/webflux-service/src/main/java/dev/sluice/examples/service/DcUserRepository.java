package dev.sluice.examples.service;

import dev.sluice.examples.service.Tables.Post;
import dev.sluice.examples.service.Tables.User;
import dev.sluice.examples.service.Tables.UserWithPosts;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The same reads as {@link UserRepository}, written by hand on Spring's {@link DatabaseClient} (the
 * client Spring Data R2DBC is built on), for the load comparison under {@code /dc}.
 */
@Repository
public class DcUserRepository {
  private static final String COLUMNS = "SELECT id, email, name, version, created_at FROM users";
  private final DatabaseClient client;

  public DcUserRepository(DatabaseClient client) {
    this.client = client;
  }

  public Mono<User> byId(long id) {
    return client.sql(COLUMNS + " WHERE id = $1").bind(0, id).map(DcUserRepository::user).one();
  }

  public Flux<User> after(Long after, int size) {
    return client.sql(COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2")
        .bind(0, after == null ? Long.MIN_VALUE : after).bind(1, size).map(DcUserRepository::user).all();
  }

  public Flux<User> stream(Long limit) {
    return limit == null
        ? client.sql(COLUMNS + " ORDER BY id").map(DcUserRepository::user).all()
        : client.sql(COLUMNS + " ORDER BY id LIMIT $1").bind(0, limit).map(DcUserRepository::user).all();
  }

  /** Users, then all their posts in one statement ({@code = ANY($1)}), joined in memory. */
  public Flux<UserWithPosts> withPosts(Long after, int size) {
    return after(after, size).collectList().flatMapMany(users -> {
      if (users.isEmpty()) {
        return Flux.empty();
      }
      Long[] ids = users.stream().map(User::id).toArray(Long[]::new);
      return client.sql("SELECT id, author_id, title FROM posts WHERE author_id = ANY($1)").bind(0, ids)
          .map(r -> new Post(r.get("id", Long.class), r.get("author_id", Long.class), r.get("title", String.class)))
          .all().collectList()
          .flatMapMany(posts -> {
            Map<Long, List<Post>> byAuthor = new HashMap<>();
            for (Post p : posts) {
              byAuthor.computeIfAbsent(p.authorId(), k -> new ArrayList<>()).add(p);
            }
            return Flux.fromIterable(users).map(u -> new UserWithPosts(u.id(), u.email(), u.name(),
                byAuthor.getOrDefault(u.id(), List.of())));
          });
    });
  }

  private static User user(Readable r) {
    return new User(r.get("id", Long.class), r.get("email", String.class), r.get("name", String.class),
        r.get("version", Integer.class), r.get("created_at", OffsetDateTime.class));
  }
}
