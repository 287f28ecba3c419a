package dev.sluice.examples.quickstart;

import dev.sluice.examples.quickstart.Rows.ChatGroup;
import dev.sluice.examples.quickstart.Rows.City;
import dev.sluice.examples.quickstart.Rows.CityCount;
import dev.sluice.examples.quickstart.Rows.Country;
import dev.sluice.examples.quickstart.Rows.Membership;
import dev.sluice.examples.quickstart.Rows.Reading;
import dev.sluice.examples.quickstart.Rows.User;
import dev.sluice.schema.Column;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Index;
import dev.sluice.schema.PrimaryKey;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;

/** The seeds' schema, in code: tables are classes, columns are typed fields. */
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

    public Cities() { super("cities"); }
  }

  public static final class Users extends Table<User> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> fullName = varchar("full_name", 256).notNull();
    public final Column<String> phone = varchar("phone", 256);
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at");
    public final Index fullNameIndex = index(fullName);
    public final Relation<User, ChatGroup> groups = manyToMany(() -> MEMBERSHIPS.userId, () -> MEMBERSHIPS.groupId);

    public Users() { super("users"); }
  }

  public static final class ChatGroups extends Table<ChatGroup> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 256).notNull();

    public ChatGroups() { super("chat_groups"); }
  }

  /** The many-to-many table between users and chat groups. */
  public static final class Memberships extends Table<Membership> {
    public final Column<Integer> userId = integer("user_id").notNull()
        .references(() -> USERS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final Column<Integer> groupId = integer("group_id").notNull()
        .references(() -> CHAT_GROUPS.id, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    public final PrimaryKey pk = primaryKey(userId, groupId);

    public Memberships() { super("memberships"); }
  }

  public static final class Readings extends Table<Reading> {
    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<Integer> cityId = integer("city_id").notNull().references(() -> CITIES.id);
    public final Column<Double> celsius = doublePrecision("celsius").notNull();

    public Readings() { super("readings"); }
  }

  /**
   * Not stored: the shape of a common table (WITH) the tour fills with a GROUP BY, declared like any
   * table so the query reading it stays typed.
   */
  public static final class CityCounts extends Table<CityCount> {
    public final Column<Integer> countryId = integer("country_id");
    public final Column<Long> cities = bigint("cities");

    public CityCounts() { super("city_counts"); }
  }

  public static final Countries COUNTRIES = new Countries();
  public static final CityCounts CITY_COUNTS = new CityCounts();
  public static final Cities CITIES = new Cities();
  public static final Users USERS = new Users();
  public static final ChatGroups CHAT_GROUPS = new ChatGroups();
  public static final Memberships MEMBERSHIPS = new Memberships();
  public static final Readings READINGS = new Readings();
}
