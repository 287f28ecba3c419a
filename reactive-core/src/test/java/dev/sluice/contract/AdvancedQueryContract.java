package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static dev.sluice.testing.Shapes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Page;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Popularity;
import dev.sluice.testing.Shapes.Category;
import dev.sluice.testing.Shapes.Total;
import dev.sluice.testing.Shapes.TreeNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Common tables (plain and recursive), derived tables and joined projections, on a live database. */
public abstract class AdvancedQueryContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  public record Busy(Integer countryId) {}

  /** A second common table, read from the first. */
  public static final class BusyCountries extends Table<Busy> {
    public final Column<Integer> countryId = integer("country_id");

    public BusyCountries() { super("busy"); }
  }

  private static final BusyCountries BUSY = new BusyCountries();

  public record CountryTotal(String country, Long cities) {}

  private int peru;
  private int chile;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {CATEGORIES}; }

  @BeforeEach
  void seed() {
    dev.sluice.testing.Seeds.Countries seeded = dev.sluice.testing.Seeds.countriesAndCities(db);
    peru = seeded.peru();
    chile = seeded.chile();
    // root -> (a -> (a1 -> a1x, a2), b)
    int root = category(null, "root");
    int a = category(root, "a");
    category(root, "b");
    int a1 = category(a, "a1");
    category(a, "a2");
    category(a1, "a1x");
  }

  private int category(Integer parent, String name) {
    return db.insertInto(CATEGORIES).values(new Category(null, parent, name)).returning().block(T).id();
  }

  private dev.sluice.query.Select2<Integer, Long> citiesPerCountry() {
    return db.select(CITIES.countryId, count()).from(CITIES).where(isNotNull(CITIES.countryId))
        .groupBy(CITIES.countryId);
  }

  @Test
  void aCommonTableIsReadLikeATableAndMappedToItsRecord() {
    List<Total> rows = db.with(TOTALS, citiesPerCountry()).selectFrom(TOTALS)
        .where(gt(TOTALS.cities, 1L)).fetch().collectList().block(T);
    assertThat(rows).containsExactly(new Total(peru, 3L));
  }

  @Test
  void aCommonTableJoinsStoredTablesInATypedProjection() {
    List<CountryTotal> rows = db.with(TOTALS, citiesPerCountry())
        .select(COUNTRIES.name, TOTALS.cities).from(COUNTRIES)
        .join(TOTALS).on(eq(COUNTRIES.id, TOTALS.countryId))
        .orderBy(COUNTRIES.name).fetch(CountryTotal::new).collectList().block(T);
    assertThat(rows).containsExactly(new CountryTotal("Chile", 1L), new CountryTotal("Peru", 3L));
  }

  @Test
  void aLaterCommonTableReadsAnEarlierOne() {
    List<String> names = db.with(TOTALS, citiesPerCountry())
        .with(BUSY, db.select(TOTALS.countryId).from(TOTALS).where(gte(TOTALS.cities, 2L)))
        .select(COUNTRIES.name).from(COUNTRIES).join(BUSY).on(eq(COUNTRIES.id, BUSY.countryId))
        .fetch(n -> n).collectList().block(T);
    assertThat(names).containsExactly("Peru");
  }

  @Test
  void aRecursiveCommonTableWalksATree() {
    List<TreeNode> nodes = db.withRecursive(TREE,
            db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, sql(Integer.class, "0"))
                .from(CATEGORIES).where(eq(CATEGORIES.name, "a"))
                .unionAll(db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, add(TREE.depth, 1))
                    .from(CATEGORIES).join(TREE).on(eq(CATEGORIES.parentId, TREE.id))))
        .selectFrom(TREE).orderBy(TREE.depth).orderBy(TREE.name).fetch().collectList().block(T);
    assertThat(nodes).extracting(TreeNode::name).containsExactly("a", "a1", "a2", "a1x");
    assertThat(nodes).extracting(TreeNode::depth).containsExactly(0, 1, 1, 2);
  }

  @Test
  void aRecursiveCommonTableStreamsAndPages() {
    var walk = db.withRecursive(TREE,
            db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, sql(Integer.class, "0"))
                .from(CATEGORIES).where(isNull(CATEGORIES.parentId))
                .unionAll(db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, add(TREE.depth, 1))
                    .from(CATEGORIES).join(TREE).on(eq(CATEGORIES.parentId, TREE.id))))
        .selectFrom(TREE).orderBy(TREE.depth).orderBy(TREE.name);
    Page<TreeNode> page = walk.paginate(1, 4).block(T);
    assertThat(page.total()).isEqualTo(6L);
    assertThat(page.items()).extracting(TreeNode::name).containsExactly("a2", "a1x");
    Page<TreeNode> beyond = walk.paginate(5, 4).block(T);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).as("the count query carries the WITH clause").isEqualTo(6L);
    assertThat(walk.fetch().take(2).map(TreeNode::name).collectList().block(T)).containsExactly("root", "a");
  }

  @Test
  void aDerivedTableJoinsLikeATable() {
    Totals t = derived(TOTALS, citiesPerCountry());
    List<String> rows = db.selectFrom(COUNTRIES).join(t).on(eq(COUNTRIES.id, t.countryId))
        .where(gte(t.cities, 1L)).orderBy(COUNTRIES.name)
        .fetch((country, total) -> country.name() + "=" + total.cities()).collectList().block(T);
    assertThat(rows).containsExactly("Chile=1", "Peru=3");
  }

  @Test
  void aDerivedTableCanBeTheOnlySourceAndTakeBinds() {
    Totals t = derived(TOTALS, db.select(CITIES.countryId, count()).from(CITIES)
        .where(ne(CITIES.name, "Lima")).groupBy(CITIES.countryId));
    List<Total> rows = db.selectFrom(t).where(eq(t.countryId, peru)).fetch().collectList().block(T);
    assertThat(rows).containsExactly(new Total(peru, 2L));
  }

  @Test
  void aProjectionJoinsWithNullsForTheUnmatchedSide() {
    List<String> rows = db.select(CITIES.name, COUNTRIES.name).from(CITIES)
        .leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .orderBy(CITIES.name).fetch((city, country) -> city + ":" + country).collectList().block(T);
    assertThat(rows).containsExactly("Arequipa:Peru", "Cusco:Peru", "Lima:Peru", "Nowhere:null",
        "Santiago:Chile");
  }

  @Test
  void aRawQueryReadsRowsByLabelWithItsValuesBound() {
    String hostile = "x' OR '1'='1";
    List<dev.sluice.Row> rows = db.sql("SELECT {0}, COUNT(*) AS n FROM {1} WHERE {2} <> {3} AND {0} IS NOT NULL "
        + "GROUP BY {0} ORDER BY {0}", CITIES.countryId, CITIES, CITIES.name, hostile).fetch().collectList().block(T);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("N", Long.class)).as("labels ignore case, numbers convert").isEqualTo(3L);
    assertThat(rows.get(0).get(CITIES.countryId)).isEqualTo(peru);
    assertThat(rows.get(1).get("country_id", Integer.class)).isEqualTo(chile);
    assertThatThrownBy(() -> rows.get(0).get("nope", String.class))
        .isInstanceOf(dev.sluice.error.MappingException.class).hasMessageContaining("nope");
  }

  @Test
  void aRawQueryMapsRowsToATablesRecordByColumnName() {
    List<City> peruvian = db.sql("SELECT * FROM {0} WHERE {1} = {2} AND {3} LIKE {4} ORDER BY {3}",
        CITIES, CITIES.countryId, peru, CITIES.name, "%a").fetch(CITIES).collectList().block(T);
    assertThat(peruvian).extracting(City::name).containsExactly("Arequipa", "Lima");
    assertThat(peruvian.get(1).popularity()).isEqualTo(Popularity.POPULAR);
    assertThatThrownBy(() -> db.sql("SELECT {0}, {1} FROM {2}", CITIES.id, CITIES.name, CITIES).fetch(CITIES)
            .blockLast(T))
        .isInstanceOf(dev.sluice.error.MappingException.class).hasMessageContaining("country_id")
        .hasMessageContaining("cities");
  }

  @Test
  void aRawWriteCountsItsRowsAndJoinsTheTransaction() {
    assertThat(db.sql("UPDATE {0} SET {1} = {2} WHERE {3} = {4}", CITIES, CITIES.name, "same", CITIES.countryId,
        chile).execute().block(T)).isEqualTo(1L);
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.sql("DELETE FROM {0} WHERE {1} = {2}", CITIES,
                CITIES.countryId, peru)
            .execute().then(reactor.core.publisher.Mono.<Long>error(new IllegalStateException("undo"))))
        .blockLast(T)).hasMessage("undo");
    assertThat(db.selectFrom(CITIES).where(eq(CITIES.countryId, peru)).fetch().count().block(T))
        .as("the raw delete was rolled back with its transaction").isEqualTo(3L);
  }

  @Test
  void anUpdateReadsAnotherTable() {
    long changed = db.update(CITIES).set(CITIES.name, concat(CITIES.name, COUNTRIES.name)).from(COUNTRIES)
        .where(and(eq(CITIES.countryId, COUNTRIES.id), eq(COUNTRIES.name, "Peru"))).execute().block(T);
    assertThat(changed).isEqualTo(3L);
    assertThat(db.selectFrom(CITIES).orderBy(CITIES.name).fetch().map(City::name).collectList().block(T))
        .containsExactly("ArequipaPeru", "CuscoPeru", "LimaPeru", "Nowhere", "Santiago");
  }

  @Test
  void rawAndCommonTableQueriesStreamOnDemandAndReleaseTheConnectionOnCancel() throws InterruptedException {
    db.insertInto(CITIES).values(java.util.stream.IntStream.range(0, 2_000)
        .mapToObj(i -> new City(null, "c" + i, peru, null)).toList()).execute().block(T);
    // asks for 3 rows, gets exactly 3 (StepVerifier fails on more than requested), then cancels
    reactor.test.StepVerifier.create(db.sql("SELECT * FROM {0} ORDER BY {1}", CITIES, CITIES.id).fetch(CITIES), 3)
        .expectNextCount(3).thenCancel().verify(T);
    reactor.test.StepVerifier.create(db.with(TOTALS, citiesPerCountry())
            .select(CITIES.name, TOTALS.cities).from(CITIES).join(TOTALS).on(eq(CITIES.countryId, TOTALS.countryId))
            .fetch(), 3)
        .expectNextCount(3).thenCancel().verify(T);
    assertThat(acquiredConnectionsAfterSettling()).as("connections back in the pool").isZero();
  }
}
