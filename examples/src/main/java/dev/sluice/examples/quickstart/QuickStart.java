package dev.sluice.examples.quickstart;

import static dev.sluice.examples.quickstart.Schema.*;
import static dev.sluice.query.Dsl.*;

import dev.sluice.Database;
import dev.sluice.examples.quickstart.Rows.ChatGroup;
import dev.sluice.examples.quickstart.Rows.City;
import dev.sluice.examples.quickstart.Rows.CityName;
import dev.sluice.examples.quickstart.Rows.Country;
import dev.sluice.examples.quickstart.Rows.Membership;
import dev.sluice.examples.quickstart.Rows.Reading;
import dev.sluice.examples.quickstart.Rows.User;
import dev.sluice.examples.quickstart.Rows.UserWithGroups;
import dev.sluice.query.Order;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tour of Sluice on an embedded SQLite file (no server needed), or on any R2DBC URL given as the
 * first argument or in {@code SLUICE_URL}, e.g. {@code r2dbc:postgresql://postgres@127.0.0.1/test}.
 *
 * <p>The whole tour is one reactive pipeline; {@code main} blocks once, at the end, because it is a
 * command-line program.
 */
public final class QuickStart {
  private static final int READINGS_COUNT = 100_000;

  private QuickStart() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0]
        : System.getenv().getOrDefault("SLUICE_URL", "r2dbc:sqlite:///sluice-quickstart.db");
    Database db = Database.connect(url);
    System.out.println("Sluice quick start on " + db.dialect().name() + " (" + url + ")");
    tour(db).then(db.close()).block(Duration.ofMinutes(5));
  }

  /** Every step of the tour, in order, as one cold pipeline. */
  static Mono<Void> tour(Database db) {
    return db.dropTables(READINGS, MEMBERSHIPS, CHAT_GROUPS, USERS, CITIES, COUNTRIES)
        .then(db.createTables(COUNTRIES, CITIES, USERS, CHAT_GROUPS, MEMBERSHIPS, READINGS))
        .then(insertData(db))
        .then(filters(db))
        .then(partialSelectsAndPaging(db))
        .then(manyToMany(db))
        .then(updateAndDelete(db))
        .then(streaming(db));
  }

  private static Mono<Void> insertData(Database db) {
    return db.insertInto(COUNTRIES).values(List.of(new Country(null, "Peru"), new Country(null, "Chile")))
        .returning().collectList()
        .flatMap(countries -> db.insertInto(CITIES).values(List.of(
            new City(null, "Lima", countries.get(0).id(), Popularity.POPULAR),
            new City(null, "Cusco", countries.get(0).id(), Popularity.KNOWN),
            new City(null, "Arequipa", countries.get(0).id(), null),
            new City(null, "Santiago", countries.get(1).id(), Popularity.POPULAR),
            new City(null, "Valparaíso", countries.get(1).id(), Popularity.KNOWN))).execute())
        .doOnNext(n -> System.out.println("\n== insertMany: " + n + " cities"))
        .then(db.insertInto(USERS).values(new User(null, "Dan", "+1 555 0100", OffsetDateTime.now()))
            .returning())
        .doOnNext(u -> System.out.println("== insert ... returning(): " + u))
        .then(db.insertInto(USERS).values(List.of(
            new User(null, "Andrew", null, OffsetDateTime.now()),
            new User(null, "Alex", "+1 555 0101", OffsetDateTime.now()))).execute())
        .then();
  }

  private static Mono<Void> filters(Database db) {
    return print("where(eq(CITIES.name, \"Lima\"))",
            db.selectFrom(CITIES).where(eq(CITIES.name, "Lima")).fetch())
        .then(print("where(and(eq(popularity, POPULAR), like(name, \"S%\")))",
            db.selectFrom(CITIES).where(and(eq(CITIES.popularity, Popularity.POPULAR),
                like(CITIES.name, "S%"))).fetch()))
        .then(print("where(or(eq(name, \"Cusco\"), isNull(popularity)))",
            db.selectFrom(CITIES).where(or(eq(CITIES.name, "Cusco"), isNull(CITIES.popularity))).fetch()))
        .then(print("where(in(name, \"Lima\", \"Santiago\"))",
            db.selectFrom(CITIES).where(in(CITIES.name, "Lima", "Santiago")).fetch()));
  }

  private static Mono<Void> partialSelectsAndPaging(Database db) {
    return print("select(CITIES.id, CITIES.name).fetch(CityName::new)",
            db.select(CITIES.id, CITIES.name).from(CITIES).fetch(CityName::new))
        .then(print("orderBy(name, DESC).limit(2).offset(1)",
            db.selectFrom(CITIES).orderBy(CITIES.name, Order.DESC).limit(2).offset(1).fetch()
                .map(City::name)))
        .then(print("select(USERS.fullName).distinct()",
            db.select(USERS.fullName).from(USERS).distinct().orderBy(USERS.fullName).fetch()
                .map(r -> r.value1())));
  }

  /** The seed's many-to-many: users and chat groups through memberships (ON DELETE CASCADE). */
  private static Mono<Void> manyToMany(Database db) {
    return db.insertInto(CHAT_GROUPS).values(List.of(new ChatGroup(null, "hikers"), new ChatGroup(null, "cooks")))
        .returning().collectList()
        .zipWith(db.selectFrom(USERS).orderBy(USERS.id).fetch().collectList())
        .flatMap(t -> {
          ChatGroup hikers = t.getT1().get(0);
          List<User> users = t.getT2();
          return db.insertInto(MEMBERSHIPS).values(List.of(
                  new Membership(users.get(0).id(), hikers.id()),
                  new Membership(users.get(1).id(), hikers.id()),
                  new Membership(users.get(2).id(), t.getT1().get(1).id())))
              .execute()
              .then(print("the seed's join: memberships ⟕ users ⟕ chat_groups where group = 'hikers'",
                  db.selectFrom(MEMBERSHIPS)
                      .leftJoin(USERS).on(eq(MEMBERSHIPS.userId, USERS.id))
                      .leftJoin(CHAT_GROUPS).on(eq(MEMBERSHIPS.groupId, CHAT_GROUPS.id))
                      .where(eq(CHAT_GROUPS.id, hikers.id())).orderBy(USERS.id)
                      .fetch((m, user, group) -> user.fullName() + " in " + group.name())));
        })
        .then(print("with(USERS.groups): relations loaded in one batched query",
            db.selectFrom(USERS).with(USERS.groups).orderBy(USERS.id).fetch(UserWithGroups.class)))
        .then(print("select(CITIES.countryId, count()).groupBy(countryId).having(gt(count(), 1L))",
            db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId)
                .having(gt(count(), 1L)).fetch()))
        .then(print("with(CITY_COUNTS, <that GROUP BY>): a common table joined to countries",
            db.with(CITY_COUNTS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
                .select(COUNTRIES.name, CITY_COUNTS.cities).from(COUNTRIES)
                .join(CITY_COUNTS).on(eq(COUNTRIES.id, CITY_COUNTS.countryId))
                .orderBy(COUNTRIES.name).fetch((country, n) -> country + ": " + n + " cities")));
  }

  private static Mono<Void> updateAndDelete(Database db) {
    return db.update(USERS).set(USERS.fullName, "Mr. Dan").where(eq(USERS.fullName, "Dan")).execute()
        .doOnNext(n -> System.out.println("\n== update(USERS).set(fullName, \"Mr. Dan\"): " + n + " row"))
        .then(db.deleteFrom(USERS).where(eq(USERS.fullName, "Andrew")).execute())
        .doOnNext(n -> System.out.println("== deleteFrom(USERS).where(eq(fullName, \"Andrew\")): " + n
            + " row (its memberships cascade)"))
        .then(print("users now", db.selectFrom(USERS).orderBy(USERS.id).fetch().map(User::fullName)))
        .then(db.selectFrom(MEMBERSHIPS).fetch().count()
            .doOnNext(n -> System.out.println("== memberships left: " + n)))
        .then();
  }

  /** Inserts 100k readings from a stream, then streams them back with backpressure. */
  private static Mono<Void> streaming(Database db) {
    return db.select(CITIES.id).from(CITIES).where(eq(CITIES.name, "Lima")).fetchOne()
        .flatMap(lima -> db.insertInto(READINGS).values(Flux.range(1, READINGS_COUNT)
            .map(i -> new Reading((long) i, lima.value1(), 12.0 + (i % 100) / 10.0))).execute())
        .doOnNext(n -> System.out.println("\n== streamed insert of " + n + " readings"))
        .then(db.selectFrom(READINGS).fetch().limitRate(500)
            .reduce(new double[2], (acc, r) -> {
              acc[0]++;
              acc[1] += r.celsius();
              return acc;
            }))
        .doOnNext(acc -> System.out.printf("== streamed %d readings back, mean %.2f °C%n",
            (long) acc[0], acc[1] / acc[0]))
        .then();
  }

  private static <T> Mono<Void> print(String title, Flux<T> rows) {
    return rows.collectList().doOnNext(list -> {
      System.out.println("\n== " + title);
      list.forEach(r -> System.out.println("   " + r));
    }).then();
  }
}
