package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.query.Order.ASC;
import static dev.sluice.testing.Popularity.POPULAR;
import static dev.sluice.testing.Schema.*;
import static dev.sluice.testing.Shapes.*;

import dev.sluice.Database;
import dev.sluice.RetryPolicy;
import dev.sluice.Row;
import dev.sluice.TxOptions;
import dev.sluice.observe.Finish;
import dev.sluice.observe.QueryName;
import dev.sluice.observe.SqlLogger;
import dev.sluice.query.Order;
import dev.sluice.query.Page;
import dev.sluice.query.Row2;
import dev.sluice.query.Values;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.testing.City;
import dev.sluice.testing.Comment;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Java blocks of the README's tour, compiled against the public API over the tests' schema
 * ({@code dev.sluice.testing.Schema}). {@code ReadmeSnippetsTest} asserts that each README block
 * equals its tagged region here; {@code TourSnippetsIT} runs most of them on SQLite.
 */
final class TourSnippets {
  static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);
  static final Categories CATS = CATEGORIES;
  static final Jobs JOBS = new Jobs();

  public record Job(Integer id, String state) {}

  public static final class Jobs extends Table<Job> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> state = varchar("state", 20);

    public Jobs() { super("jobs"); }
  }

  public record CityName(Integer id, String name) {}

  public record CityInCountry(String city, String country) {}

  public record CityAndCountry(String city, String country) {}

  public record Reading(Long id, String payload) {}

  public static final class Readings extends Table<Reading> {
    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<String> payload = varchar("payload", 200);

    public Readings() { super("readings"); }
  }

  static final Readings READINGS = new Readings();

  public record Stock(Integer id, String sku, Integer quantity) {}

  public static final class Stocks extends Table<Stock> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> sku = varchar("sku", 20).notNull();
    public final Column<Integer> quantity = integer("quantity").notNull().defaultValue(0);

    public Stocks() { super("stock"); }
  }

  static final Stocks STOCK = new Stocks();

  private TourSnippets() {}

  static Database connect() {
    // tag::connect[]
    Database db = Database.connect("r2dbc:postgresql://postgres@127.0.0.1:5432/test");   // pooled (r2dbc-pool)
    // end::connect[]
    return db;
  }

  /** The query block: the publishers it builds, nothing subscribed. */
  static List<Object> queries(Database db) {
    // tag::queries[]
    Flux<City> all  = db.selectFrom(CITIES).fetch();
    Mono<City> one  = db.selectFrom(CITIES).where(eq(CITIES.id, 42)).fetchOne();
    Flux<City> some = db.selectFrom(CITIES)
        .where(and(eq(CITIES.countryId, 1), or(eq(CITIES.name, "Dan"), isNull(CITIES.popularity))))
        .orderBy(CITIES.name, Order.ASC).limit(10).offset(10).fetch();
    // PostgreSQL: SELECT "id", "name", "country_id", "popularity" FROM "cities"
    //   WHERE "country_id" = $1 AND ("name" = $2 OR "popularity" IS NULL) ORDER BY "name" LIMIT $3 OFFSET $4

    Flux<Row2<Integer, String>> pairs = db.select(CITIES.id, CITIES.name).from(CITIES).fetch();
    Flux<CityName> names = db.select(CITIES.id, CITIES.name).from(CITIES).fetch(CityName::new);
    Mono<List<City>> list = db.selectFrom(CITIES).where(eq(CITIES.countryId, 1)).fetchList();  // held whole, read at once
    // end::queries[]
    return List.of(all, one, some, pairs, names, list);
  }

  /** The query the README shows the SQL of. */
  static dev.sluice.query.SelectFrom<City> andOr(Database db) {
    return db.selectFrom(CITIES)
        .where(and(eq(CITIES.countryId, 1), or(eq(CITIES.name, "Dan"), isNull(CITIES.popularity))))
        .orderBy(CITIES.name, Order.ASC).limit(10).offset(10);
  }

  static List<Object> writes(Database db, OffsetDateTime now, User a, User b, User c, Flux<Reading> readingFlux) {
    // tag::writes[]
    Mono<Long> n    = db.insertInto(USERS).values(new User(null, "Andrew", null, null, now)).execute();
    Mono<User> u    = db.insertInto(USERS).values(new User(null, "Dan", null, null, now)).returning(); // id filled
    Mono<Long> many = db.insertInto(USERS).values(List.of(a, b, c)).execute();
    Mono<Long> flow = db.insertInto(READINGS).values(readingFlux).execute();              // streamed in chunks
    Mono<Long> upd  = db.update(USERS).set(USERS.fullName, "Mr. Dan").where(eq(USERS.fullName, "Dan")).execute();
    Mono<Long> del  = db.deleteFrom(USERS).where(eq(USERS.fullName, "Dan")).execute();
    Mono<Long> wipe = db.deleteFrom(MEMBERSHIPS).all().execute();                          // explicit
    // end::writes[]
    return List.of(n, u, many, flow, upd, del, wipe);
  }

  static List<Object> modelWrites(Database db, User edited, User patch) {
    // tag::model-writes[]
    Mono<User> dan   = db.insertInto(USERS).set(USERS.fullName, "Dan").set(USERS.phone, "555").returning();
    Mono<Long> two   = db.insertInto(USERS).rows(List.of(Values.of(USERS).set(USERS.fullName, "Ann"),
                                                         Values.of(USERS).set(USERS.fullName, "Bob"))).execute();
    Mono<Long> whole = db.update(USERS).set(edited).where(eq(USERS.id, edited.id())).execute(); // every non-key column
    Mono<Long> some  = db.update(USERS).setNonNull(patch).where(eq(USERS.id, patch.id())).execute(); // non-nulls only
    Mono<Long> bump  = db.update(STOCK).increment(STOCK.quantity, 5).where(eq(STOCK.sku, "A-1")).execute();
    Mono<User> saved = db.save(USERS, edited);                    // INSERT, or an upsert by primary key
    Mono<User> once  = db.firstOrInsert(USERS, eq(USERS.email, "eve@x.io"), new User(null, "Eve", null, "eve@x.io", null));
    Mono<Boolean> taken      = db.selectFrom(USERS).where(eq(USERS.email, "eve@x.io")).exists();
    Mono<Long> withPhone     = db.selectFrom(USERS).where(isNotNull(USERS.phone)).count();
    Flux<String> names       = db.selectFrom(USERS).orderBy(USERS.id).pluck(USERS.fullName);
    Flux<List<User>> batches = db.selectFrom(USERS).orderBy(USERS.id).chunks(500);
    // end::model-writes[]
    return List.of(dan, two, whole, some, bump, saved, once, taken, withPhone, names, batches);
  }

  static List<Object> joins(Database db) {
    // tag::joins[]
    Flux<CityInCountry> r = db.selectFrom(CITIES).leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .where(eq(COUNTRIES.name, "Peru"))
        .fetch((city, country) -> new CityInCountry(city.name(), country == null ? null : country.name()));

    Flux<Row> rows = db.selectFrom(MEMBERSHIPS)                        // the seed's many-to-many query
        .leftJoin(USERS).on(eq(MEMBERSHIPS.userId, USERS.id))
        .leftJoin(CHAT_GROUPS).on(eq(MEMBERSHIPS.groupId, CHAT_GROUPS.id))
        .where(eq(CHAT_GROUPS.id, 1)).fetch();                       // row.into(USERS), row.get(CHAT_GROUPS.name)

    Cities twin = CITIES.as("twin");                                  // aliases for self-joins
    Flux<Row> pairs = db.selectFrom(CITIES).join(twin)
        .on(and(eq(CITIES.countryId, twin.countryId), lt(CITIES.id, twin.id))).fetch();
    // end::joins[]
    return List.of(r, rows, pairs);
  }

  static Flux<CityAndCountry> joinedProjection(Database db) {
    // tag::joined-projection[]
    Flux<CityAndCountry> r = db.select(CITIES.name, COUNTRIES.name).from(CITIES)
        .leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id)).fetch(CityAndCountry::new);
    // end::joined-projection[]
    return r;
  }

  static List<Object> aggregates(Database db) {
    return List.of(
    // tag::aggregates[]
    db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId).having(gt(count(), 1L)),
    db.select(count(), countDistinct(CITIES.countryId), sum(CITIES.id), avg(CITIES.id), min(CITIES.name)).from(CITIES),
    db.select(upper(CITIES.name), coalesce(CITIES.countryId, -1), add(CITIES.id, 100),
              when(eq(CITIES.popularity, POPULAR), "hot", TEXT).otherwise("not")).from(CITIES),
    db.selectFrom(COUNTRIES).where(notExists(db.select(CITIES.id).from(CITIES).where(eq(CITIES.countryId, COUNTRIES.id)))),
    db.selectFrom(USERS).where(in(USERS.id, db.select(MEMBERSHIPS.userId).from(MEMBERSHIPS))),
    db.select(COUNTRIES.name, scalar(db.select(count()).from(CITIES).where(eq(CITIES.countryId, COUNTRIES.id))))
        .from(COUNTRIES),
    db.selectFrom(CITIES).where(sql("{0} % 2 = {1}", CITIES.id, 0)),                // raw SQL, values still bound
    db.select(USERS.fullName).from(USERS).union(db.select(CHAT_GROUPS.name).from(CHAT_GROUPS)).orderBy(USERS.fullName, ASC),
    db.selectFrom(JOBS).where(eq(JOBS.state, "ready")).limit(10).forUpdateSkipLocked()
    // end::aggregates[]
    );
  }

  // tag::common-table-shape[]
  public record Total(Integer countryId, Long cities) {}

  public static final class Totals extends Table<Total> {
    public final Column<Integer> countryId = integer("country_id");
    public final Column<Long> cities = bigint("cities");
    public Totals() { super("totals"); }
  }
  // end::common-table-shape[]

  static List<Object> commonTables(Database db) {
    // tag::common-tables[]
    Flux<Total> busy = db.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
        .selectFrom(TOTALS).where(gt(TOTALS.cities, 1L)).fetch();
    // WITH "totals" ("country_id", "cities") AS (SELECT ...) SELECT "country_id", "cities" FROM "totals" WHERE ...

    Flux<TreeNode> subtree = db.withRecursive(TREE,                  // Tree: id, parent_id, name, depth
            db.select(CATS.id, CATS.parentId, CATS.name, sql(Integer.class, "0")).from(CATS).where(eq(CATS.name, "a"))
                .unionAll(db.select(CATS.id, CATS.parentId, CATS.name, add(TREE.depth, 1)).from(CATS)
                    .join(TREE).on(eq(CATS.parentId, TREE.id))))
        .selectFrom(TREE).orderBy(TREE.depth).fetch();

    Totals t = derived(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId));
    Flux<String> perCountry = db.selectFrom(COUNTRIES).join(t).on(eq(COUNTRIES.id, t.countryId))
        .fetch((country, total) -> country.name() + ": " + total.cities());
    // ... INNER JOIN (SELECT "country_id" AS "country_id", COUNT(*) AS "cities" FROM ...) AS "totals" ON ...
    // end::common-tables[]
    return List.of(busy, subtree, perCountry);
  }

  static final Totals TOTALS = new Totals();

  static List<Object> raw(Database db, int peru) {
    // tag::raw[]
    Flux<City> cities = db.sql("SELECT * FROM cities WHERE country_id = {0} AND name LIKE {1}", peru, "L%")
        .fetch(CITIES);                                            // mapped to the record by column name
    Flux<Row> rows = db.sql("SELECT country_id, COUNT(*) AS n FROM cities GROUP BY country_id").fetch();
    Flux<Long> counts = rows.map(row -> row.get("n", Long.class)); // by label, ignoring case; numbers converted
    Mono<Long> changed = db.sql("UPDATE cities SET name = {0} WHERE id = {1}", "Lima", 7).execute();

    Mono<Long> joined = db.update(CITIES).set(CITIES.name, concat(CITIES.name, COUNTRIES.name)).from(COUNTRIES)
        .where(eq(CITIES.countryId, COUNTRIES.id)).execute();
    // end::raw[]
    return List.of(cities, counts, changed, joined);
  }

  static List<Object> upserts(Database db, User u, List<Country> list) {
    // tag::upsert[]
    Mono<Long> upserted = db.insertInto(USERS).values(u).onConflict(USERS.email).doUpdate(USERS.fullName).execute();
    Mono<Long> kept     = db.insertInto(COUNTRIES).values(list).onConflict(COUNTRIES.name).doNothing().execute();
    Mono<Long> copied   = db.insertInto(COUNTRIES)
        .fromSelect(db.select(upper(USERS.fullName)).from(USERS), COUNTRIES.name).execute();
    // end::upsert[]
    return List.of(upserted, kept, copied);
  }

  // tag::relations-records[]
  public record PostWithComments(Integer id, String title, List<Comment> comments) {}
  public record UserWithPosts(Integer id, String fullName, List<PostWithComments> posts) {}
  // end::relations-records[]

  static Flux<UserWithPosts> relations(Database db) {
    // tag::relations[]
    Flux<UserWithPosts> r = db.selectFrom(USERS)
        .with(USERS.posts.with(POSTS.comments).where(notLike(POSTS.title, "draft%")).orderBy(desc(POSTS.id)).limit(3))
        .fetch(UserWithPosts.class);
    // end::relations[]
    return r;
  }

  static List<Object> pagination(Database db, OffsetDateTime lastCreatedAt, Integer lastId) {
    // tag::pagination[]
    Mono<Page<Country>> third = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(2, 10); // pages count from 0
    Flux<User> next = db.selectFrom(USERS).orderBy(USERS.createdAt).orderBy(USERS.id)
        .seek(USERS.createdAt, lastCreatedAt, USERS.id, lastId).limit(20).fetch();                     // keyset, typed
    // end::pagination[]
    return List.of(third, next);
  }

  static Mono<Long> debit(Database tx, Country a) {
    return tx.update(COUNTRIES).set(COUNTRIES.name, a.name() + "-").where(eq(COUNTRIES.id, a.id())).execute();
  }

  static Mono<Long> credit(Database tx, Country b) {
    return tx.update(COUNTRIES).set(COUNTRIES.name, b.name() + "+").where(eq(COUNTRIES.id, b.id())).execute();
  }

  static List<Object> transactions(Database db, Country a, Country b, User u) {
    // tag::transactions[]
    Flux<Long> both = db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(a).execute()
        .then(db.insertInto(COUNTRIES).values(b).execute()));    // joins the transaction via the Context

    TxOptions transfer = TxOptions.isolation(IsolationLevel.SERIALIZABLE)
        .timeout(Duration.ofSeconds(5)).retry(RetryPolicy.onTransientFailures(3, Duration.ofMillis(20)));
    Flux<Long> moved = db.inTransaction(transfer, tx -> debit(tx, a).then(credit(tx, b)));

    Mono<Void> manual = db.beginTransaction()
        .flatMap(tx -> tx.run(db.insertInto(USERS).values(u).execute()).then(tx.commit()));
    // end::transactions[]
    return List.of(both, moved, manual);
  }

  static Mono<Void> spring(ConnectionFactory pool, DatabaseClient databaseClient, Country a) {
    // tag::spring[]
    TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    Database db = Database.builder().connectionFactory(pool).build();          // the same pool
    Mono<Void> both = spring.transactional(db.insertInto(COUNTRIES).values(a).execute()
        .then(databaseClient.sql("UPDATE countries SET name = upper(name)").then())); // one transaction
    // end::spring[]
    return both;
  }

  static Mono<User> observability(ConnectionFactory pool, int id) {
    // tag::observability[]
    Database db = Database.builder().connectionFactory(pool).name("accounts")
        .observer(SqlLogger.builder().slowerThan(Duration.ofMillis(250)).build())  // SLF4J, logger dev.sluice.sql
        .observer(event -> {                                  // any QueryObserver: told before each statement
          System.out.println(event.operation() + " " + event.table() + " " + event.name());
          return Finish.NOTHING;                              // or a Finish told its rows, error or cancel
        })
        .build();
    Mono<User> user = db.selectFrom(USERS).where(eq(USERS.id, id)).fetchOne()
        .contextWrite(QueryName.of("userById"));              // names its statements for logs and metrics
    // end::observability[]
    return user;
  }
}
