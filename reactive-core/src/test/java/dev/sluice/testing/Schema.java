package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Index;
import dev.sluice.schema.PrimaryKey;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The seeds' schema (countries, cities, users, chat groups and their many-to-many), used by every test. */
public final class Schema {
  private Schema() {}

  public static final EnumType<Popularity> POPULARITY = EnumType.of("popularity", Popularity.class);

  public static final class Countries extends Table<Country> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 256).notNull();
    public final Index nameIndex = uniqueIndex(name);

    public Countries() { super("countries"); }
  }

  public static final class Cities extends Table<City> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 256);
    public final Column<Integer> countryId = integer("country_id").references(() -> COUNTRIES.id);
    public final Column<Popularity> popularity = column("popularity", POPULARITY);
    public final Relation<City, Country> country = belongsTo(() -> countryId);

    public Cities() { super("cities"); }
  }

  public static final class Users extends Table<User> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> fullName = varchar("full_name", 256).notNull();
    public final Column<String> phone = varchar("phone", 20);
    public final Column<String> email = varchar("email", 256).unique();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").defaultSql("CURRENT_TIMESTAMP");
    public final Index fullNameIndex = index(fullName);
    public final Relation<User, Post> posts = hasMany(() -> POSTS.authorId);
    public final Relation<User, Post> latestPost = hasOne(() -> POSTS.authorId);
    public final Relation<User, ChatGroup> groups = manyToMany(() -> MEMBERSHIPS.userId, () -> MEMBERSHIPS.groupId);

    public Users() { super("users"); }
  }

  public static final class ChatGroups extends Table<ChatGroup> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 256).notNull().check("length(name) > 0");

    public ChatGroups() { super("chat_groups"); }
  }

  public static final class Memberships extends Table<Membership> {
    public final Column<Integer> userId = integer("user_id").notNull()
        .references(() -> USERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<Integer> groupId = integer("group_id").notNull()
        .references(() -> CHAT_GROUPS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final PrimaryKey pk = primaryKey(userId, groupId);

    public Memberships() { super("memberships"); }
  }

  public static final class Posts extends Table<Post> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> authorId = integer("author_id").notNull()
        .references(() -> USERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<String> title = varchar("title", 200).notNull();
    public final Relation<Post, User> author = belongsTo(() -> authorId);
    public final Relation<Post, Comment> comments = hasMany(() -> COMMENTS.postId);

    public Posts() { super("posts"); }
  }

  public static final class Comments extends Table<Comment> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> postId = integer("post_id").notNull()
        .references(() -> POSTS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<String> body = text("body").notNull();

    public Comments() { super("comments"); }
  }

  public static final class Kitchens extends Table<Kitchen> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<Short> small = smallint("small");
    public final Column<Integer> medium = integer("medium");
    public final Column<Long> big = bigint("big");
    public final Column<Boolean> flag = bool("flag");
    public final Column<String> code = fixedChar("code", 3);
    public final Column<String> body = text("body");
    public final Column<BigDecimal> amount = decimal("amount", 12, 2);
    public final Column<Float> ratio = real("ratio");
    public final Column<Double> score = doublePrecision("score");
    public final Column<LocalDate> day = date("day");
    public final Column<LocalTime> clock = time("clock");
    public final Column<LocalDateTime> stamp = timestamp("stamp");
    public final Column<OffsetDateTime> stampTz = timestamptz("stamp_tz");
    public final Column<UUID> uid = uuid("uid");
    public final Column<String> doc = jsonb("doc");
    public final Column<byte[]> payload = bytes("payload");
    public final Column<Popularity> popularity = column("popularity", POPULARITY);
    public final Column<Money> price = column("price", DataType.custom("BIGINT", Money.class, Money.CODEC));

    public Kitchens() { super("kitchens"); }
  }

  public static final Countries COUNTRIES = new Countries();
  public static final Cities CITIES = new Cities();
  public static final Users USERS = new Users();
  public static final ChatGroups CHAT_GROUPS = new ChatGroups();
  public static final Memberships MEMBERSHIPS = new Memberships();
  public static final Kitchens KITCHENS = new Kitchens();
  public static final Posts POSTS = new Posts();
  public static final Comments COMMENTS = new Comments();
}
