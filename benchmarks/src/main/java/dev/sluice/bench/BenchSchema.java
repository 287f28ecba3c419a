package dev.sluice.bench;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import io.r2dbc.pool.ConnectionPool;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Countries, users and posts for the relation and join benchmarks: {@code users.country_id ->
 * countries.id}, {@code posts.author_id -> users.id} (indexed), {@code users.posts} a has-many
 * relation. Each benchmark class gets its own instance under its own table-name prefix, so two of
 * them running at once do not drop each other's tables.
 */
final class BenchSchema {
  static final int COUNTRIES_N = 20;

  /** {@code bench_..._countries}. */
  public static final class Countries extends Table<Country> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> name = text("name").notNull();
    public final Column<String> code = text("code").notNull();

    Countries(String name) { super(name); }
  }

  /** {@code bench_..._users}; {@code posts} is the has-many relation to the posts table. */
  public static final class Users extends Table<User> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> name = text("name").notNull();
    public final Column<String> email = text("email").notNull();
    public final Column<Integer> countryId;
    public final Column<OffsetDateTime> createdAt;
    public final Relation<User, Post> posts;

    Users(String name, BenchSchema s) {
      super(name);
      countryId = integer("country_id").notNull().references(() -> s.countries.id);
      createdAt = timestamptz("created_at").notNull();
      posts = hasMany(() -> s.posts.authorId);
    }
  }

  /** {@code bench_..._posts}, indexed on {@code author_id}. */
  public static final class Posts extends Table<Post> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Integer> authorId;
    public final Column<String> title;
    public final Column<Integer> likes;
    public final Column<OffsetDateTime> createdAt;
    public final Index authorIndex;

    Posts(String name, BenchSchema s) {
      super(name);
      authorId = integer("author_id").notNull().references(() -> s.users.id);
      title = text("title").notNull();
      likes = integer("likes").notNull();
      createdAt = timestamptz("created_at").notNull();
      authorIndex = index(authorId);
    }
  }

  public record Country(Integer id, String name, String code) {}

  public record User(Integer id, String name, String email, Integer countryId,
      OffsetDateTime createdAt) {}

  public record Post(Integer id, Integer authorId, String title, Integer likes,
      OffsetDateTime createdAt) {}

  /** A user with its posts: what {@code with(USERS.posts)} builds, and every other variant too. */
  public record UserWithPosts(Integer id, String name, String email, Integer countryId,
      OffsetDateTime createdAt, List<Post> posts) {}

  /** One row of the posts ⟶ users ⟶ countries join. */
  public record PostView(Post post, User author, Country country) {}

  final Countries countries;
  final Users users;
  final Posts posts;

  BenchSchema(String prefix) {
    countries = new Countries(prefix + "_countries");
    users = new Users(prefix + "_users", this);
    posts = new Posts(prefix + "_posts", this);
  }

  /** The user columns both sides select, in record order. */
  static final String USER_COLUMNS = "id, name, email, country_id, created_at";
  /** The post columns both sides select, in record order. */
  static final String POST_COLUMNS = "id, author_id, title, likes, created_at";

  /**
   * Drops and re-creates the three tables through Sluice's DDL and fills them: 20 countries,
   * {@code userCount} users (country {@code id % 20 + 1}) and {@code postsPerUser} posts each; post
   * {@code g} belongs to user {@code (g - 1) % userCount + 1}, so a user's posts are spread over the
   * table as if written over time.
   */
  void createAndFill(Database db, ConnectionPool pool, int userCount, int postsPerUser) {
    db.dropTables(posts, users, countries).then(db.createTables(countries, users, posts)).block();
    BenchSupport.sql(pool, "INSERT INTO " + countries.name() + " (id, name, code) "
        + "SELECT g, 'country-' || g, 'C' || g FROM generate_series(1, " + COUNTRIES_N + ") g");
    BenchSupport.sql(pool, "INSERT INTO " + users.name() + " (" + USER_COLUMNS + ") "
        + "SELECT g, 'user-' || g, 'user' || g || '@example.com', g % " + COUNTRIES_N + " + 1, "
        + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute' "
        + "FROM generate_series(1, " + userCount + ") g");
    BenchSupport.sql(pool, "INSERT INTO " + posts.name() + " (" + POST_COLUMNS + ") "
        + "SELECT g, (g - 1) % " + userCount + " + 1, 'post number ' || g, g % 97, "
        + "TIMESTAMPTZ '2024-02-01 00:00:00+00' + g * INTERVAL '1 second' "
        + "FROM generate_series(1, " + userCount * postsPerUser + ") g");
    BenchSupport.sql(pool, "ANALYZE " + countries.name());
    BenchSupport.sql(pool, "ANALYZE " + users.name());
    BenchSupport.sql(pool, "ANALYZE " + posts.name());
  }

  // ---- the raw mapping a hand-written r2dbc user writes: by index, boxed types ----

  static User user(io.r2dbc.spi.Readable row, int at) {
    return new User(row.get(at, Integer.class), row.get(at + 1, String.class),
        row.get(at + 2, String.class), row.get(at + 3, Integer.class),
        row.get(at + 4, OffsetDateTime.class));
  }

  static Post post(io.r2dbc.spi.Readable row, int at) {
    return new Post(row.get(at, Integer.class), row.get(at + 1, Integer.class),
        row.get(at + 2, String.class), row.get(at + 3, Integer.class),
        row.get(at + 4, OffsetDateTime.class));
  }

  static Country country(io.r2dbc.spi.Readable row, int at) {
    return new Country(row.get(at, Integer.class), row.get(at + 1, String.class),
        row.get(at + 2, String.class));
  }

  static UserWithPosts withPosts(User u, List<Post> posts) {
    return new UserWithPosts(u.id(), u.name(), u.email(), u.countryId(), u.createdAt(), posts);
  }
}
