package dev.sluice.examples.readme;

import static dev.sluice.testing.Schema.*;
import static dev.sluice.testing.Shapes.CATEGORIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.query.Page;
import dev.sluice.query.Row2;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Post;
import dev.sluice.testing.Seeds;
import dev.sluice.testing.Shapes.Category;
import dev.sluice.testing.User;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README's snippets ({@link TourSnippets}) run on an embedded SQLite file, seeded with Peru
 * (Lima, Cusco, Arequipa), Chile (Santiago), Bolivia and a city without a country: each publisher
 * a snippet builds is subscribed, in order, and its outcome asserted.
 */
class TourSnippetsIT {
  private static final Duration T = Duration.ofSeconds(30);
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  @TempDir Path dir;
  private Database db;
  private Seeds.Countries seeded;

  @BeforeEach
  void seed() {
    db = Database.connect("r2dbc:sqlite:////" + dir.toAbsolutePath().toString().substring(1) + "/tour.db");
    db.createTables(COUNTRIES, CITIES, USERS, CHAT_GROUPS, MEMBERSHIPS, POSTS, COMMENTS, CATEGORIES,
        TourSnippets.JOBS, TourSnippets.READINGS, TourSnippets.STOCK).block(T);
    seeded = Seeds.countriesAndCities(db);
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  /** Every value a list of publishers (or query builders, run through their {@code fetch()}) emits, in order. */
  private static List<List<Object>> run(List<Object> publishers) {
    List<List<Object>> out = new ArrayList<>();
    for (Object p : publishers) {
      out.add(Flux.from(publisher(p)).collectList().block(T));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Publisher<Object> publisher(Object p) {
    if (p instanceof Publisher<?> pub) {
      return (Publisher<Object>) pub;
    }
    try {
      Method fetch = p.getClass().getMethod("fetch");
      return (Publisher<Object>) fetch.invoke(p);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(p.getClass() + " has no fetch()", e);
    }
  }

  @Test
  void queries() {
    List<List<Object>> r = run(TourSnippets.queries(db));
    assertThat(r.get(0)).hasSize(5);
    assertThat(r.get(1)).as("no city 42").isEmpty();
    assertThat(r.get(2)).as("offset 10 of the few in country 1").isEmpty();
    assertThat(r.get(3)).hasSize(5).first().isInstanceOf(Row2.class);
    assertThat(r.get(4)).hasSize(5).first().isInstanceOf(TourSnippets.CityName.class);
    assertThat(db.selectFrom(CITIES)
        .where(dev.sluice.query.Dsl.and(dev.sluice.query.Dsl.eq(CITIES.countryId, 1),
            dev.sluice.query.Dsl.or(dev.sluice.query.Dsl.eq(CITIES.name, "Dan"),
                dev.sluice.query.Dsl.isNull(CITIES.popularity))))
        .fetch().map(City::name).collectList().block(T)).containsExactly("Arequipa");
  }

  @Test
  void writes() {
    List<User> abc = List.of(new User(null, "A", null, "a@x.io", NOW), new User(null, "B", null, "b@x.io", NOW),
        new User(null, "C", null, "c@x.io", NOW));
    Flux<TourSnippets.Reading> readings = Flux.range(1, 1000).map(i -> new TourSnippets.Reading((long) i, "r" + i));
    List<List<Object>> r = run(TourSnippets.writes(db, NOW, abc.get(0), abc.get(1), abc.get(2), readings));
    assertThat(r.get(0)).containsExactly(1L);
    assertThat(((User) r.get(1).get(0)).id()).as("id filled").isNotNull();
    assertThat(r.get(2)).containsExactly(3L);
    assertThat(r.get(3)).containsExactly(1000L);
    assertThat(r.get(4)).as("Dan renamed").containsExactly(1L);
    assertThat(r.get(5)).as("no Dan left").containsExactly(0L);
    assertThat(r.get(6)).containsExactly(0L);
    assertThat(db.selectFrom(USERS).orderBy(USERS.id).fetch().map(User::fullName).collectList().block(T))
        .containsExactly("Andrew", "Mr. Dan", "A", "B", "C");
  }

  @Test
  void modelWrites() {
    User first = db.insertInto(USERS).values(new User(null, "First", "111", "first@x.io", NOW)).returning().block(T);
    db.insertInto(TourSnippets.STOCK).set(TourSnippets.STOCK.sku, "A-1").execute().block(T);
    User edited = new User(first.id(), "First Edited", null, "first@x.io", NOW);
    User patch = new User(first.id(), null, "222", null, null);
    List<List<Object>> r = run(TourSnippets.modelWrites(db, edited, patch));
    assertThat(((User) r.get(0).get(0)).createdAt()).as("dan: DEFAULT CURRENT_TIMESTAMP filled").isNotNull();
    assertThat(r.get(1)).as("two").containsExactly(2L);
    assertThat(r.get(2)).as("whole").containsExactly(1L);
    assertThat(r.get(3)).as("some").containsExactly(1L);
    assertThat(r.get(4)).as("bump").containsExactly(1L);
    assertThat(db.selectFrom(TourSnippets.STOCK).fetchOne().block(T).quantity()).as("0 + 5").isEqualTo(5);
    assertThat(r.get(5)).as("saved: the upsert wrote the edited row again")
        .containsExactly(new User(first.id(), "First Edited", null, "first@x.io", NOW));
    assertThat(((User) r.get(6).get(0)).fullName()).isEqualTo("Eve");
    assertThat(r.get(7)).containsExactly(true);
    assertThat(r.get(8)).as("only Dan has a phone after save").containsExactly(1L);
    assertThat(r.get(9)).containsExactly("First Edited", "Dan", "Ann", "Bob", "Eve");
    assertThat(r.get(10)).hasSize(1).first().asList().hasSize(5);
  }

  @Test
  void joins() {
    List<List<Object>> r = run(TourSnippets.joins(db));
    assertThat(r.get(0)).extracting(Object::toString).containsExactlyInAnyOrder(
        "CityInCountry[city=Lima, country=Peru]", "CityInCountry[city=Cusco, country=Peru]",
        "CityInCountry[city=Arequipa, country=Peru]");
    assertThat(r.get(1)).isEmpty();
    assertThat(r.get(2)).as("pairs of Peru's cities").hasSize(3);
    assertThat(TourSnippets.joinedProjection(db).collectList().block(T)).hasSize(5)
        .contains(new TourSnippets.CityAndCountry("Santiago", "Chile"), new TourSnippets.CityAndCountry("Nowhere", null));
  }

  @Test
  void aggregatesFunctionsAndSubqueriesRunButSkipLockedIsNotSqlite() {
    List<Object> queries = TourSnippets.aggregates(db);
    List<List<Object>> r = run(queries.subList(0, queries.size() - 1));
    assertThat(r.get(0)).extracting(Object::toString).containsExactly("Row2[value1=" + seeded.peru() + ", value2=3]");
    assertThat(r.get(2)).hasSize(5);
    assertThat(r.get(3)).extracting(c -> ((Country) c).name()).containsExactly("Bolivia");
    assertThat(r.get(4)).isEmpty();
    assertThat(r.get(5)).hasSize(3);
    assertThat(r.get(6)).extracting(c -> ((City) c).name()).containsExactlyInAnyOrder("Cusco", "Santiago");
    assertThatThrownBy(() -> run(queries.subList(queries.size() - 1, queries.size())))
        .isInstanceOf(UnsupportedByDialectException.class);
  }

  @Test
  void commonRecursiveAndDerivedTables() {
    int root = category(null, "root");
    int a = category(root, "a");
    category(root, "b");
    int a1 = category(a, "a1");
    category(a1, "a1x");
    List<List<Object>> r = run(TourSnippets.commonTables(db));
    assertThat(r.get(0)).extracting(Object::toString).containsExactly("Total[countryId=" + seeded.peru() + ", cities=3]");
    assertThat(r.get(1)).extracting(Object::toString).containsExactly(
        "TreeNode[id=" + a + ", parentId=" + root + ", name=a, depth=0]",
        "TreeNode[id=" + a1 + ", parentId=" + a + ", name=a1, depth=1]",
        "TreeNode[id=" + (a1 + 1) + ", parentId=" + a1 + ", name=a1x, depth=2]");
    assertThat(r.get(2)).containsExactlyInAnyOrder("Peru: 3", "Chile: 1");
  }

  private int category(Integer parent, String name) {
    return db.insertInto(CATEGORIES).values(new Category(null, parent, name)).returning().block(T).id();
  }

  @Test
  void rawStatementsAndUpdateFrom() {
    List<List<Object>> r = run(TourSnippets.raw(db, seeded.peru()));
    assertThat(r.get(0)).extracting(c -> ((City) c).name()).containsExactly("Lima");
    assertThat(r.get(1)).containsExactlyInAnyOrder(3L, 1L, 1L);
    assertThat(r.get(2)).as("no city 7").containsExactly(0L);
    assertThat(r.get(3)).containsExactly(4L);
    assertThat(db.selectFrom(CITIES).orderBy(CITIES.id).fetch().map(City::name).blockFirst(T)).isEqualTo("LimaPeru");
  }

  @Test
  void upserts() {
    db.insertInto(USERS).values(new User(null, "Old", null, "dan@x.io", NOW)).execute().block(T);
    List<List<Object>> r = run(TourSnippets.upserts(db, new User(null, "New", null, "dan@x.io", NOW),
        List.of(new Country(null, "Peru"), new Country(null, "Ecuador"))));
    assertThat(db.selectFrom(USERS).fetch().map(User::fullName).collectList().block(T)).containsExactly("New");
    assertThat(r.get(2)).containsExactly(1L);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList().block(T))
        .containsExactly("Peru", "Chile", "Bolivia", "Ecuador", "NEW");
  }

  @Test
  void relations() {
    User dan = db.insertInto(USERS).values(new User(null, "Dan", null, null, NOW)).returning().block(T);
    db.insertInto(POSTS).values(List.of(new Post(null, dan.id(), "one"), new Post(null, dan.id(), "draft two"),
        new Post(null, dan.id(), "three"))).execute().block(T);
    assertThat(TourSnippets.relations(db).map(Object::toString).collectList().block(T)).containsExactly(
        "UserWithPosts[id=" + dan.id() + ", fullName=Dan, posts=[PostWithComments[id=3, title=three, comments=[]],"
            + " PostWithComments[id=1, title=one, comments=[]]]]");
  }

  @Test
  void pagination() {
    for (int i = 0; i < 25; i++) {
      db.insertInto(COUNTRIES).values(new Country(null, String.format("Land %02d", i))).execute().block(T);
      db.insertInto(USERS).values(new User(null, "U" + i, null, null, NOW.plusMinutes(i))).execute().block(T);
    }
    List<List<Object>> r = run(TourSnippets.pagination(db, NOW.plusMinutes(2), 3));
    Page<?> third = (Page<?>) r.get(0).get(0);
    assertThat(third.page()).isEqualTo(2);
    assertThat(third.total()).isEqualTo(28); // Bolivia, Chile, Land 00..24, Peru
    assertThat(third.items()).extracting(c -> ((Country) c).name()).containsExactly(
        "Land 18", "Land 19", "Land 20", "Land 21", "Land 22", "Land 23", "Land 24", "Peru");
    assertThat(r.get(1)).extracting(u -> ((User) u).fullName()).hasSize(20).startsWith("U3", "U4");
  }

  @Test
  void transactions() {
    Country chile = new Country(seeded.chile(), "Chile");
    Country peru = new Country(seeded.peru(), "Peru");
    List<List<Object>> r = run(TourSnippets.transactions(db, new Country(null, "Ecuador"),
        new Country(null, "Colombia"), new User(null, "Dan", null, null, NOW)));
    assertThat(r.get(0)).containsExactly(1L);
    assertThat(r.get(2)).isEmpty();
    List<List<Object>> moved = run(TourSnippets.transactions(db, chile, peru, new User(null, "Ann", null, null, NOW))
        .subList(1, 2));
    assertThat(moved.get(0)).containsExactly(1L);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList().block(T))
        .containsExactly("Peru+", "Chile-", "Bolivia", "Ecuador", "Colombia");
    assertThat(db.selectFrom(USERS).fetch().map(User::fullName).collectList().block(T)).containsExactly("Dan");
  }

  @Test
  void springCommitsBothSides() {
    DatabaseClient client = DatabaseClient.builder().connectionFactory(db.connectionFactory())
        .bindMarkers(BindMarkersFactory.indexed("?", 1)).build();
    Mono<Void> both = TourSnippets.spring(db.connectionFactory(), client, new Country(null, "Ecuador"));
    both.block(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList().block(T))
        .containsExactly("PERU", "CHILE", "BOLIVIA", "ECUADOR");
  }

  @Test
  void theSchemaBlockDeclaresWorkingTables() {
    db.createTables(SchemaSnippet.COUNTRIES, SchemaSnippet.CITIES).block(T);
    assertThat(db.selectFrom(SchemaSnippet.CITIES).fetch().map(SchemaSnippet.City::name).collectList().block(T))
        .hasSize(5);
    assertThat(RelationsSnippet.USERS.posts).isNotNull();
    assertThat(RelationsSnippet.POSTS.author).isNotNull();
  }
}
