package dev.sluice.contract;

import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.query.Page;
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

  @Test
  void keysetPaginationWalksEveryRowOnce() {
    List<String> seen = new java.util.ArrayList<>();
    List<Country> page = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).limit(10).fetch().collectList().block(T);
    while (!page.isEmpty()) {
      page.forEach(c -> seen.add(c.name()));
      Country last = page.get(page.size() - 1);
      page = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).orderBy(COUNTRIES.id).seek(last.name(), last.id())
          .limit(10).fetch().collectList().block(T);
    }
    assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void seekNeedsOneTypedValuePerOrderTerm() {
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).seek("a", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per ORDER BY");
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).seek("x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Integer");
  }
}
