package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;

import dev.sluice.Database;
import dev.sluice.query.Detached;
import dev.sluice.query.Json;
import dev.sluice.schema.Column;
import dev.sluice.schema.JsonType;
import dev.sluice.schema.Table;
import dev.sluice.schema.View;
import dev.sluice.sql.Statement;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's views and JSON blocks. */
final class ViewsJsonSnippet {
  private ViewsJsonSnippet() {}

  public record User(Integer id, String fullName, String email) {}

  public static final class Users extends Table<User> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> fullName = varchar("full_name", 256).notNull();
    public final Column<String> email = varchar("email", 256);
    public Users() { super("users"); }
  }

  static final Users USERS = new Users();

  public record Doc(Integer id, String meta) {}

  public static final class Docs extends Table<Doc> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> meta = jsonb("meta");
    public Docs() { super("json_docs"); }
  }

  static final Docs DOCS = new Docs();

  // tag::json-typed-columns[]
  public record Address(String city, String zip) {}
  public record Item(String sku, java.math.BigDecimal price, long qty) {}
  public record Profile(String name, java.math.BigDecimal balance, Address address) {}
  public record Customer(Integer id, Profile profile, List<Item> cart) {}

  public static final class Customers extends Table<Customer> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Profile> profile = jsonb("profile", Profile.class);               // a record, via Jackson
    public final Column<List<Item>> cart = json("cart", new JsonType<List<Item>>() {});  // a generic type
    public Customers() { super("customers"); }
  }
  // end::json-typed-columns[]

  static final Customers CUSTOMERS = new Customers();

  static List<Object> jsonWrites(Database db, int id) {
    // tag::json-writes[]
    Mono<Long> moved = db.update(CUSTOMERS)
        .set(CUSTOMERS.profile, Json.set(CUSTOMERS.profile, new Address("Cusco", "08000"), "address"))
        .where(eq(CUSTOMERS.id, id)).execute();
    // PostgreSQL: UPDATE "customers" SET "profile" = jsonb_set("profile", CAST(ARRAY[$1] AS TEXT[]), $2::jsonb, true)
    //             WHERE "id" = $3
    Mono<Long> cleared = db.update(CUSTOMERS)
        .set(CUSTOMERS.profile, Json.remove(CUSTOMERS.profile, "address", "zip")).where(eq(CUSTOMERS.id, id)).execute();
    Flux<String> cities = db.select(Json.text(CUSTOMERS.profile, "address", "city")).from(CUSTOMERS).fetch(c -> c);
    // end::json-writes[]
    return List.of(moved, cleared, cities);
  }

  // tag::views-declaration[]
  public record Reachable(Integer id, String fullName, String email) {}

  public static final class ReachableUsers extends View<Reachable> {
    public final Column<Integer> id = integer("id");
    public final Column<String> fullName = varchar("full_name", 256);
    public final Column<String> email = varchar("email", 256);
    public ReachableUsers() { super("reachable_users"); }

    @Override protected Statement definition() {
      return Detached.builders().select(USERS.id, USERS.fullName, USERS.email).from(USERS)
          .where(isNotNull(USERS.email)).query();
    }
  }
  // end::views-declaration[]

  static final ReachableUsers REACHABLE = new ReachableUsers();

  static List<Object> views(Database db) {
    // tag::views-use[]
    db.createTables(REACHABLE, USERS).block();   // the view after the tables (and views) it reads
    // PostgreSQL: CREATE OR REPLACE VIEW "reachable_users" ("id", "full_name", "email") AS
    //             SELECT "id", "full_name", "email" FROM "users" WHERE "email" IS NOT NULL
    Flux<Reachable> rows = db.selectFrom(REACHABLE).where(eq(REACHABLE.email, "cy@x")).fetch();
    // end::views-use[]
    return List.of(rows);
  }

  static List<Object> json(Database db) {
    // tag::json-queries[]
    Flux<String> found = db.select(Json.text(DOCS.meta, "name"), Json.text(DOCS.meta, "address", "city"))
        .from(DOCS)
        .where(and(gt(Json.integer(DOCS.meta, "age"), 30L), eq(Json.bool(DOCS.meta, "active"), true)))
        .orderBy(desc(Json.number(DOCS.meta, "score")))
        .fetch((name, city) -> name + " in " + city);
    // PostgreSQL: SELECT ("meta" ->> $1), ("meta" -> $2 ->> $3) FROM "json_docs"
    //             WHERE CAST(("meta" ->> $4) AS BIGINT) > $5 AND CAST(("meta" ->> $6) AS boolean) = $7
    //             ORDER BY CAST(("meta" ->> $8) AS DOUBLE PRECISION) DESC
    Flux<Doc> inLima = db.selectFrom(DOCS).where(Json.hasPath(DOCS.meta, "address", "city")).fetch();
    Flux<Doc> tagged = db.selectFrom(DOCS).where(Json.contains(DOCS.meta, "{\"tags\": [\"a\"]}")).fetch();
    // end::json-queries[]
    return List.of(found, inLima, tagged);
  }
}
