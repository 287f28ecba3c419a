package dev.sluice.examples.service;

import dev.sluice.schema.Column;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The service's schema in code; the tables themselves are made by the migration in
 * {@code db/migrations}, applied by the starter at start-up.
 */
public final class Tables {
  private Tables() {}

  public static final Users USERS = new Users();
  public static final Posts POSTS = new Posts();

  /** A user; {@code version} and {@code createdAt} are written by Sluice. */
  public record User(Long id, String email, String name, Integer version, OffsetDateTime createdAt) {}

  /** A post of a user. */
  public record Post(Long id, Long authorId, String title) {}

  /** A user with its posts, loaded in one query per window of users (no N+1). */
  public record UserWithPosts(Long id, String email, String name, List<Post> posts) {}

  public static final class Users extends Table<User> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<String> email = varchar("email", 254).notNull().unique();
    public final Column<String> name = varchar("name", 100).notNull();
    public final Column<Integer> version = integer("version").notNull().version();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().createdAt();
    public final Relation<User, Post> posts = hasMany(() -> POSTS.authorId);

    public Users() { super("users"); }
  }

  public static final class Posts extends Table<Post> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<Long> authorId = bigint("author_id").notNull()
        .references(() -> USERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<String> title = varchar("title", 200).notNull();

    public Posts() { super("posts"); }
  }
}
