package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Order;
import dev.sluice.query.Row2;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Kitchen;
import dev.sluice.testing.Money;
import dev.sluice.testing.Popularity;
import dev.sluice.testing.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** CRUD, every operator, projections, ordering and paging, returning and batches, on a live database. */
public abstract class CrudContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  public record CityName(Integer id, String name) {}

  private void seedCities() {
    List<Country> countries = db.insertInto(COUNTRIES)
        .values(List.of(new Country(null, "Peru"), new Country(null, "Chile"))).returning()
        .collectList().block(T);
    int peru = countries.get(0).id();
    int chile = countries.get(1).id();
    db.insertInto(CITIES).values(List.of(
        new City(null, "Lima", peru, Popularity.POPULAR),
        new City(null, "Cusco", peru, Popularity.KNOWN),
        new City(null, "Arequipa", peru, null),
        new City(null, "Santiago", chile, Popularity.POPULAR),
        new City(null, null, chile, Popularity.UNKNOWN))).execute().block(T);
  }

  private List<String> names(dev.sluice.sql.Condition where) {
    return db.selectFrom(CITIES).where(where).orderBy(CITIES.id).fetch().map(CrudContract::name)
        .collectList().block(T);
  }

  /** Reactor streams carry no nulls: a missing name reads as "<null>". */
  private static String name(City c) {
    return c.name() == null ? "<null>" : c.name();
  }

  @Test
  void insertsReadsUpdatesAndDeletes() {
    User dan = db.insertInto(USERS).values(new User(null, "Dan", "555-1", "dan@x.io", null))
        .returning().block(T);
    assertThat(dan.id()).isNotNull();
    assertThat(dan.createdAt()).as("database default filled").isNotNull();
    assertThat(db.insertInto(USERS).values(new User(null, "Andrew", null, "a@x.io", null)).execute()
        .block(T)).isEqualTo(1L);

    assertThat(db.selectFrom(USERS).where(eq(USERS.id, dan.id())).fetchOne().block(T)).isEqualTo(dan);
    assertThat(db.selectFrom(USERS).fetch().count().block(T)).isEqualTo(2L);

    assertThat(db.update(USERS).set(USERS.fullName, "Mr. Dan").where(eq(USERS.fullName, "Dan"))
        .execute().block(T)).isEqualTo(1L);
    assertThat(db.selectFrom(USERS).where(eq(USERS.id, dan.id())).fetchOne().block(T).fullName())
        .isEqualTo("Mr. Dan");

    assertThat(db.deleteFrom(USERS).where(eq(USERS.fullName, "Mr. Dan")).execute().block(T)).isEqualTo(1L);
    assertThat(db.selectFrom(USERS).fetch().map(User::fullName).collectList().block(T))
        .containsExactly("Andrew");
    assertThat(db.deleteFrom(USERS).all().execute().block(T)).isEqualTo(1L);
  }

  @Test
  void everyOperatorFiltersLive() {
    seedCities();
    assertThat(names(eq(CITIES.name, "Lima"))).containsExactly("Lima");
    assertThat(names(ne(CITIES.name, "Lima"))).containsExactly("Cusco", "Arequipa", "Santiago");
    assertThat(names(and(eq(CITIES.popularity, Popularity.POPULAR), like(CITIES.name, "S%"))))
        .containsExactly("Santiago");
    assertThat(names(or(eq(CITIES.name, "Cusco"), isNull(CITIES.popularity))))
        .containsExactly("Cusco", "Arequipa");
    assertThat(names(isNull(CITIES.name))).containsExactly("<null>");
    assertThat(names(isNotNull(CITIES.popularity))).hasSize(4);
    assertThat(names(in(CITIES.name, "Lima", "Santiago", "Nowhere"))).containsExactly("Lima", "Santiago");
    assertThat(names(notIn(CITIES.name, "Lima", "Santiago"))).containsExactly("Cusco", "Arequipa");
    assertThat(names(in(CITIES.name, List.of()))).isEmpty();
    assertThat(names(ilike(CITIES.name, "LI%"))).containsExactly("Lima");
    assertThat(names(notLike(CITIES.name, "%a"))).containsExactly("Cusco", "Santiago");
    assertThat(names(not(eq(CITIES.name, "Lima")))).containsExactly("Cusco", "Arequipa", "Santiago");
    Integer lima = db.select(CITIES.id).from(CITIES).where(eq(CITIES.name, "Lima")).fetch()
        .map(r -> r.value1()).blockFirst(T);
    assertThat(names(gt(CITIES.id, lima))).hasSize(4);
    assertThat(names(gte(CITIES.id, lima))).hasSize(5);
    assertThat(names(lt(CITIES.id, lima + 2))).containsExactly("Lima", "Cusco");
    assertThat(names(lte(CITIES.id, lima))).containsExactly("Lima");
    assertThat(names(between(CITIES.id, lima + 1, lima + 2))).containsExactly("Cusco", "Arequipa");
    assertThat(names(notBetween(CITIES.id, lima + 1, lima + 4))).containsExactly("Lima");
    assertThat(names(eq(CITIES.id, CITIES.id))).hasSize(5);
  }

  @Test
  void projectsOrdersAndPages() {
    seedCities();
    List<Row2<Integer, String>> pairs = db.select(CITIES.id, CITIES.name).from(CITIES)
        .where(isNotNull(CITIES.name)).orderBy(CITIES.name, Order.DESC).fetch().collectList().block(T);
    assertThat(pairs).extracting(Row2::value2).containsExactly("Santiago", "Lima", "Cusco", "Arequipa");

    List<CityName> typed = db.select(CITIES.id, CITIES.name).from(CITIES).where(isNotNull(CITIES.name))
        .orderBy(CITIES.name).limit(2).offset(1).fetch(CityName::new).collectList().block(T);
    assertThat(typed).extracting(CityName::name).containsExactly("Cusco", "Lima");

    assertThat(db.select(CITIES.countryId).from(CITIES).distinct().fetch().count().block(T)).isEqualTo(2L);
    assertThat(db.selectFrom(CITIES).orderBy(asc(CITIES.name).nullsFirst()).limit(1).fetchOne()
        .block(T).name()).isNull();
    assertThat(db.selectFrom(CITIES).orderBy(desc(CITIES.name).nullsLast()).fetch().map(CrudContract::name)
        .collectList().block(T)).containsExactly("Santiago", "Lima", "Cusco", "Arequipa", "<null>");
  }

  @Test
  void everyColumnKindRoundTrips() {
    Kitchen k = new Kitchen(null, (short) 7, 42, 9_000_000_000L, true, "abc", "long text ✓",
        new BigDecimal("1234.50"), 1.5f, 2.25d, LocalDate.of(2026, 11, 22), LocalTime.of(13, 14, 15),
        LocalDateTime.of(2026, 11, 22, 13, 14, 15), OffsetDateTime.of(2026, 11, 22, 13, 14, 15, 0, ZoneOffset.UTC),
        UUID.fromString("3f1c1a76-8d0e-4a55-9f1e-6a7a1b2c3d4e"), "{\"a\": 1}", new byte[] {0, 1, 2, (byte) 255},
        Popularity.POPULAR, new Money(1999));
    Kitchen back = db.insertInto(KITCHENS).values(k).returning().block(T);
    Kitchen read = db.selectFrom(KITCHENS).where(eq(KITCHENS.id, back.id())).fetchOne().block(T);
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "stampTz", "doc").isEqualTo(k);
    assertThat(read.stampTz().toInstant()).isEqualTo(k.stampTz().toInstant());
    assertThat(read.doc().replace(" ", "")).isEqualTo("{\"a\":1}");
    Kitchen empty = new Kitchen(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
    Kitchen nulls = db.insertInto(KITCHENS).values(empty).returning().block(T);
    assertThat(nulls).usingRecursiveComparison().ignoringFields("id").isEqualTo(empty);
    assertThat(db.selectFrom(KITCHENS).where(eq(KITCHENS.price, new Money(1999))).fetch()
        .map(Kitchen::popularity).collectList().block(T)).containsExactly(Popularity.POPULAR);
  }

  @Test
  void batchInsertsTenThousandRowsAtomically() {
    List<Country> many = IntStream.range(0, 10_000).mapToObj(i -> new Country(null, "c" + i)).toList();
    assertThat(db.insertInto(COUNTRIES).values(many).execute().block(T)).isEqualTo(10_000L);
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isEqualTo(10_000L);
    Flux<Country> stream = Flux.range(0, 5_000).map(i -> new Country(null, "s" + i));
    assertThat(db.insertInto(COUNTRIES).values(stream).execute().block(T)).isEqualTo(5_000L);
    assertThat(db.selectFrom(COUNTRIES).where(like(COUNTRIES.name, "s%")).fetch().count().block(T))
        .isEqualTo(5_000L);
  }

  @Test
  void returningFillsGeneratedKeysForManyRows() {
    List<Country> back = db.insertInto(COUNTRIES)
        .values(List.of(new Country(null, "X"), new Country(null, "Y"))).returning().collectList().block(T);
    assertThat(back).extracting(Country::name).containsExactly("X", "Y");
    assertThat(back).allSatisfy(c -> assertThat(c.id()).isNotNull());
    assertThat(back.get(1).id()).isGreaterThan(back.get(0).id());
  }

  @Test
  void aBuiltQueryCanBeSubscribedAgain() {
    seedCities();
    var query = db.selectFrom(CITIES).where(eq(CITIES.popularity, Popularity.POPULAR)).fetch().count();
    assertThat(query.block(T)).isEqualTo(2L);
    db.update(CITIES).set(CITIES.popularity, Popularity.POPULAR).where(eq(CITIES.name, "Cusco"))
        .execute().block(T);
    assertThat(query.block(T)).isEqualTo(3L);
  }

  @Test
  void nothingRunsBeforeSubscription() {
    db.insertInto(COUNTRIES).values(new Country(null, "Never")).execute();
    db.deleteFrom(COUNTRIES).all().execute();
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isZero();
  }

  @Test
  void findsTheSeedsManyToManyThroughAJoinTable() {
    User u = db.insertInto(USERS).values(new User(null, "Ann", null, null, null)).returning().block(T);
    var g = db.insertInto(CHAT_GROUPS).values(new dev.sluice.testing.ChatGroup(null, "devs")).returning().block(T);
    db.insertInto(MEMBERSHIPS).values(new dev.sluice.testing.Membership(u.id(), g.id())).execute().block(T);
    assertThat(db.selectFrom(MEMBERSHIPS).where(eq(MEMBERSHIPS.groupId, g.id())).fetch().count().block(T))
        .isEqualTo(1L);
    db.deleteFrom(USERS).where(eq(USERS.id, u.id())).execute().block(T);
    assertThat(db.selectFrom(MEMBERSHIPS).fetch().count().block(T)).as("ON DELETE CASCADE").isZero();
  }

  /** like is case-sensitive (even where the default collation ignores case), ilike is not. */
  @Test
  void likeIsCaseSensitiveAndIlikeIsNot() {
    db.insertInto(CITIES).values(List.of(new City(null, "Santiago", null, null),
        new City(null, "santa", null, null), new City(null, "50% off", null, null),
        new City(null, "Ñandú", null, null))).execute().block(T);
    assertThat(cityNames(like(CITIES.name, "S%"))).containsExactly("Santiago");
    assertThat(cityNames(notLike(CITIES.name, "s%"))).containsExactly("Santiago", "50% off", "Ñandú");
    assertThat(cityNames(ilike(CITIES.name, "SANT%"))).containsExactly("Santiago", "santa");
    assertThat(cityNames(like(CITIES.name, "san_a"))).containsExactly("santa");
    assertThat(cityNames(like(CITIES.name, "50\\% o%"))).containsExactly("50% off");
    assertThat(cityNames(like(CITIES.name, "_and_"))).as("one character, not one byte").containsExactly("Ñandú");
  }

  @Test
  void anOffsetWithoutALimitAndReturningOnAnExplicitKey() {
    db.insertInto(COUNTRIES).values(List.of(new Country(null, "A"), new Country(null, "B"))).execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).offset(1).fetch().map(Country::name)
        .collectList().block(T)).containsExactly("B");
    Country given = db.insertInto(COUNTRIES).values(new Country(4242, "Given")).returning().block(T);
    assertThat(given).isEqualTo(new Country(4242, "Given"));
  }

  private List<String> cityNames(dev.sluice.sql.Condition where) {
    return db.selectFrom(CITIES).where(where).orderBy(CITIES.id).fetch().map(City::name)
        .collectList().block(T);
  }
}
