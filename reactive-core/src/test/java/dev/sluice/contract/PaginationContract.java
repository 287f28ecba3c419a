package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.query.Page;
import dev.sluice.query.Row1;
import dev.sluice.query.Row2;
import dev.sluice.query.SelectBase;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offset pages with totals, and keyset pagination, on a live database. */
public abstract class PaginationContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @BeforeEach
  void seed() {
    db.insertInto(COUNTRIES).values(IntStream.range(0, 23)
        .mapToObj(i -> new Country(null, String.format("c%02d", i))).toList()).execute().block(T);
  }

  @Test
  void aPageCarriesItsItemsAndTheTotalInOneStatement() {
    AtomicInteger statements = new AtomicInteger();
    Database counting = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements))
        .pooled(false).build();
    Page<Country> p = counting.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(2, 10).block(T);
    assertThat(p.items()).extracting(Country::name).containsExactly("c20", "c21", "c22");
    assertThat(p.total()).isEqualTo(23);
    assertThat(p.totalPages()).isEqualTo(3);
    assertThat(p.hasNext()).isFalse();
    assertThat(statements.get()).isEqualTo(1);
  }

  @Test
  void aPagePastTheEndIsEmptyButKnowsTheTotal() {
    Page<Country> p = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(5, 10).block(T);
    assertThat(p.items()).isEmpty();
    assertThat(p.total()).isEqualTo(23);
  }

  /**
   * Every page of {@code query} from the first to two past the last, each checked against the full
   * result: the items of that slice and the total of all rows.
   */
  private <T> void everyPageMatches(SelectBase<T, ?> query, int size) {
    List<T> all = query.fetch().collectList().block(T);
    int pages = (all.size() + size - 1) / size;
    for (int page = 0; page <= pages + 1; page++) {
      Page<T> p = query.paginate(page, size).block(T);
      List<T> slice = all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size));
      assertThat(p.items()).as("items of page %d of %d", page, pages).containsExactlyElementsOf(slice);
      assertThat(p.total()).as("total on page %d of %d", page, pages).isEqualTo(all.size());
      assertThat(p.page()).isEqualTo(page);
    }
  }

  /** 12 cities named n0 x4, n1 x3, n2 x2, n3 x2, n4 x1. */
  private void seedCities() {
    int[] copies = {4, 3, 2, 2, 1};
    List<City> cities = new java.util.ArrayList<>();
    for (int n = 0; n < copies.length; n++) {
      for (int i = 0; i < copies[n]; i++) {
        cities.add(new City(null, "n" + n, null, null));
      }
    }
    db.insertInto(CITIES).values(cities).execute().block(T);
  }

  @Test
  void everyPageOfAPlainQueryHasItsItemsAndTheTotal() {
    everyPageMatches(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name), 10);
    everyPageMatches(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name), 23);
    everyPageMatches(db.selectFrom(CITIES).orderBy(CITIES.name), 5);
  }

  @Test
  void distinctPagesCountDistinctRows() {
    seedCities();
    var names = db.select(CITIES.name).from(CITIES).distinct().orderBy(CITIES.name);
    Page<Row1<String>> first = names.paginate(0, 2).block(T);
    assertThat(first.items()).extracting(Row1::value1).containsExactly("n0", "n1");
    assertThat(first.total()).as("5 distinct names among 12 rows").isEqualTo(5);
    everyPageMatches(names, 2);
    everyPageMatches(names, 5);
    everyPageMatches(db.selectFrom(CITIES).distinct().orderBy(CITIES.id), 5);
  }

  @Test
  void groupedPagesCountGroupsPastTheLastPageToo() {
    seedCities();
    var groups = db.select(CITIES.name, count()).from(CITIES).groupBy(CITIES.name)
        .having(gt(count(), 1L)).orderBy(CITIES.name);
    Page<Row2<String, Long>> past = groups.paginate(7, 3).block(T);
    assertThat(past.items()).isEmpty();
    assertThat(past.total()).as("4 names occur more than once").isEqualTo(4);
    everyPageMatches(groups, 3);
    everyPageMatches(groups, 1);
    everyPageMatches(db.select(CITIES.name).from(CITIES).groupBy(CITIES.name).orderBy(CITIES.name), 2);
    everyPageMatches(db.select(CITIES.name, count()).from(CITIES).groupBy(CITIES.name).distinct()
        .orderBy(CITIES.name), 2);
  }

  @Test
  void pagesOfAnEmptyResultAreEmptyWithTotalZero() {
    db.deleteFrom(COUNTRIES).all().execute().block(T);
    everyPageMatches(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name), 10);
    everyPageMatches(db.select(CITIES.name).from(CITIES).distinct().orderBy(CITIES.name), 2);
    everyPageMatches(db.select(CITIES.name, count()).from(CITIES).groupBy(CITIES.name)
        .having(gt(count(), 1L)).orderBy(CITIES.name), 2);
    Page<Country> p = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(0, 10).block(T);
    assertThat(p.items()).isEmpty();
    assertThat(p.total()).isZero();
    assertThat(p.totalPages()).isZero();
    assertThat(p.hasNext()).isFalse();
  }

  @Test
  void keysetPaginationWalksEveryRowOnce() {
    List<String> seen = new java.util.ArrayList<>();
    List<Country> page = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).limit(10).fetch().collectList().block(T);
    while (!page.isEmpty()) {
      page.forEach(c -> seen.add(c.name()));
      Country last = page.get(page.size() - 1);
      page = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).orderBy(COUNTRIES.id)
          .seek(COUNTRIES.name, last.name(), COUNTRIES.id, last.id())
          .limit(10).fetch().collectList().block(T);
    }
    assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void seekNeedsItsColumnsToBeTheOrderByTermsInOrder() {
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).seek(COUNTRIES.name, "a", COUNTRIES.id, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seek(...) needs one column and value per ORDER BY term: 1 terms, 2 given");
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).orderBy(COUNTRIES.name)
            .seek(COUNTRIES.name, "x", COUNTRIES.id, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not ORDER BY term 1");
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).seek(COUNTRIES.id, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
  }
}
