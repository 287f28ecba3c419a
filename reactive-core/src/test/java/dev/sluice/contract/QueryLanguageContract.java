package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.Row;
import dev.sluice.query.Row2;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Membership;
import dev.sluice.testing.Popularity;
import dev.sluice.testing.Schema;
import dev.sluice.testing.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joins, aggregates, subqueries, CASE and raw SQL, on a live database. */
public abstract class QueryLanguageContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);

  public record CityInCountry(String city, String country) {}

  private int peru;
  private int chile;
  private int hikers;

  @BeforeEach
  void seed() {
    dev.sluice.testing.Seeds.Countries seeded = dev.sluice.testing.Seeds.countriesAndCities(db);
    peru = seeded.peru();
    chile = seeded.chile();
    List<User> us = db.insertInto(USERS).values(List.of(new User(null, "Ann", null, null, null),
        new User(null, "Bob", null, null, null), new User(null, "Cid", null, null, null)))
        .returning().collectList().block(T);
    List<ChatGroup> gs = db.insertInto(CHAT_GROUPS).values(List.of(new ChatGroup(null, "hikers"),
        new ChatGroup(null, "cooks"))).returning().collectList().block(T);
    hikers = gs.get(0).id();
    db.insertInto(MEMBERSHIPS).values(List.of(new Membership(us.get(0).id(), hikers),
        new Membership(us.get(1).id(), hikers), new Membership(us.get(1).id(), gs.get(1).id())))
        .execute().block(T);
  }

  @Test
  void aSelectOfValuesOnlyNeedsNoTable() {
    Row2<Integer, String> r = db.select(add(sql(Integer.class, "40"), 2), upper(sql(String.class, "'a'")))
        .fetchOne().block(T);
    assertThat(r).isEqualTo(new Row2<>(42, "A"));
    assertThat(db.select(sql(Integer.class, "7")).where(gt(sql(Integer.class, "2"), 1)).fetch().collectList()
        .block(T)).extracting(dev.sluice.query.Row1::value1).containsExactly(7);
  }

  @Test
  void innerJoinMapsBothSidesToRecords() {
    List<CityInCountry> rows = db.selectFrom(CITIES).join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .where(eq(COUNTRIES.name, "Peru")).orderBy(CITIES.name)
        .fetch((city, country) -> new CityInCountry(city.name(), country.name())).collectList().block(T);
    assertThat(rows).extracting(CityInCountry::city).containsExactly("Arequipa", "Cusco", "Lima");
    assertThat(rows).extracting(CityInCountry::country).containsOnly("Peru");
  }

  @Test
  void fetchListGivesTheRowsFetchStreamsInTheirOrder() {
    assertThat(db.selectFrom(CITIES).join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .where(eq(COUNTRIES.name, "Peru")).orderBy(CITIES.name)
        .fetchList((city, country) -> city.name() + "/" + country.name()).block(T))
        .containsExactly("Arequipa/Peru", "Cusco/Peru", "Lima/Peru");
    assertThat(db.selectFrom(CITIES).leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .orderBy(CITIES.name).fetchList(CityAndMaybeCountry.class).block(T))
        .extracting(r -> r.city().name() + ":" + (r.country() == null ? "none" : r.country().name()))
        .containsExactly("Arequipa:Peru", "Cusco:Peru", "Lima:Peru", "Nowhere:none", "Santiago:Chile");
    assertThat(db.selectFrom(CITIES).orderBy(CITIES.name).fetchList().block(T))
        .isEqualTo(db.selectFrom(CITIES).orderBy(CITIES.name).fetch().collectList().block(T))
        .extracting(City::name).containsExactly("Arequipa", "Cusco", "Lima", "Nowhere", "Santiago");
    assertThat(db.select(CITIES.name, CITIES.countryId).from(CITIES).where(eq(CITIES.countryId, chile))
        .fetchList((name, country) -> name + "@" + (country == chile)).block(T)).containsExactly("Santiago@true");
    assertThat(db.selectFrom(CITIES).where(eq(CITIES.name, "Atlantis")).fetchList().block(T)).isEmpty();
  }

  public record CityAndMaybeCountry(City city, Country country) {}

  @Test
  void leftJoinGivesNullForTheUnmatchedSide() {
    List<String> rows = db.selectFrom(CITIES).leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .orderBy(CITIES.name)
        .fetch((city, country) -> city.name() + ":" + (country == null ? "none" : country.name()))
        .collectList().block(T);
    assertThat(rows).containsExactly("Arequipa:Peru", "Cusco:Peru", "Lima:Peru", "Nowhere:none",
        "Santiago:Chile");
  }

  @Test
  void theSeedsManyToManyQueryReadsGenericRows() {
    List<Row> rows = db.selectFrom(MEMBERSHIPS)
        .leftJoin(USERS).on(eq(MEMBERSHIPS.userId, USERS.id))
        .leftJoin(CHAT_GROUPS).on(eq(MEMBERSHIPS.groupId, CHAT_GROUPS.id))
        .where(eq(CHAT_GROUPS.id, hikers)).orderBy(USERS.fullName).fetch().collectList().block(T);
    assertThat(rows).extracting(r -> r.into(USERS).fullName()).containsExactly("Ann", "Bob");
    assertThat(rows).extracting(r -> r.get(CHAT_GROUPS.name)).containsOnly("hikers");
    assertThat(rows.get(0).into(MEMBERSHIPS).groupId()).isEqualTo(hikers);
  }

  @Test
  void threeTableJoinIsTyped() {
    List<String> rows = db.selectFrom(MEMBERSHIPS)
        .join(USERS).on(eq(MEMBERSHIPS.userId, USERS.id))
        .join(CHAT_GROUPS).on(eq(MEMBERSHIPS.groupId, CHAT_GROUPS.id))
        .orderBy(USERS.fullName).orderBy(CHAT_GROUPS.name)
        .fetch((m, u, g) -> u.fullName() + "@" + g.name()).collectList().block(T);
    assertThat(rows).containsExactly("Ann@hikers", "Bob@cooks", "Bob@hikers");
  }

  @Test
  void aSelfJoinUsesAnAlias() {
    Schema.Cities twin = CITIES.as("twin");
    List<String> pairs = db.selectFrom(CITIES).join(twin)
        .on(and(eq(CITIES.countryId, twin.countryId), lt(CITIES.name, twin.name)))
        .where(eq(CITIES.countryId, peru)).orderBy(CITIES.name).orderBy(twin.name)
        .fetch((a, b) -> a.name() + "-" + b.name()).collectList().block(T);
    assertThat(pairs).containsExactly("Arequipa-Cusco", "Arequipa-Lima", "Cusco-Lima");
  }

  @Test
  void groupsCountsAndFiltersGroups() {
    List<Row2<Integer, Long>> groups = db.select(CITIES.countryId, count()).from(CITIES)
        .where(isNotNull(CITIES.countryId)).groupBy(CITIES.countryId).having(gt(count(), 1L))
        .fetch().collectList().block(T);
    assertThat(groups).extracting(Row2::value1, Row2::value2).containsExactly(tuple(peru, 3L));
  }

  @Test
  void aggregatesReadAsTheirDeclaredTypes() {
    var r = db.select(count(), countDistinct(CITIES.countryId), sum(CITIES.countryId),
            min(CITIES.name), max(CITIES.name), avg(CITIES.countryId))
        .from(CITIES).fetchOne().block(T);
    assertThat(r.value1()).isEqualTo(5L);
    assertThat(r.value2()).isEqualTo(2L);
    assertThat(r.value3()).isEqualByComparingTo(BigDecimal.valueOf(3L * peru + chile));
    assertThat(r.value4()).isEqualTo("Arequipa");
    assertThat(r.value5()).isEqualTo("Santiago");
    assertThat(r.value6().doubleValue()).isCloseTo((3.0 * peru + chile) / 4, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void functionsCaseAndArithmetic() {
    var r = db.select(upper(CITIES.name), length(CITIES.name), add(CITIES.countryId, 100),
            concat(CITIES.name, "!"),
            when(eq(CITIES.popularity, Popularity.POPULAR), "hot", TEXT).otherwise("not"))
        .from(CITIES).where(eq(CITIES.name, "Lima")).fetchOne().block(T);
    assertThat(r.value1()).isEqualTo("LIMA");
    assertThat(r.value2()).isEqualTo(4);
    assertThat(r.value3()).isEqualTo(peru + 100);
    assertThat(r.value4()).isEqualTo("Lima!");
    assertThat(r.value5()).isEqualTo("hot");
    assertThat(db.select(coalesce(CITIES.countryId, -1)).from(CITIES).where(eq(CITIES.name, "Nowhere"))
        .fetchOne().block(T).value1()).isEqualTo(-1);
  }

  @Test
  void subqueriesFilterAndProject() {
    assertThat(db.selectFrom(COUNTRIES).where(notExists(db.select(CITIES.id).from(CITIES)
        .where(eq(CITIES.countryId, COUNTRIES.id)))).fetch().map(Country::name).collectList().block(T))
        .containsExactly("Bolivia");
    assertThat(db.selectFrom(USERS).where(in(USERS.id, db.select(MEMBERSHIPS.userId).from(MEMBERSHIPS)
        .where(eq(MEMBERSHIPS.groupId, hikers)))).orderBy(USERS.fullName).fetch().map(User::fullName)
        .collectList().block(T)).containsExactly("Ann", "Bob");
    assertThat(db.select(COUNTRIES.name, scalar(db.select(count()).from(CITIES)
            .where(eq(CITIES.countryId, COUNTRIES.id)))).from(COUNTRIES).orderBy(COUNTRIES.name)
        .fetch().map(r -> r.value1() + "=" + r.value2()).collectList().block(T))
        .containsExactly("Bolivia=0", "Chile=1", "Peru=3");
  }

  @Test
  void rawSqlStillBindsItsValues() {
    String hostile = "x' OR '1'='1";
    assertThat(db.selectFrom(CITIES).where(sql("{0} = {1}", CITIES.name, hostile)).fetch().count()
        .block(T)).isZero();
    assertThat(db.selectFrom(CITIES).where(sql("{0} = {1}", CITIES.name, "Lima")).fetch()
        .map(City::name).collectList().block(T)).containsExactly("Lima");
    assertThat(db.select(sql(Integer.class, "{0} * {1}", CITIES.countryId, 2)).from(CITIES)
        .where(eq(CITIES.name, "Santiago")).fetchOne().block(T).value1()).isEqualTo(chile * 2);
  }
}
