package dev.sluice.internal;

import static dev.sluice.testing.Schema.CITIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batches of eager loading are gathered whole before a record is emitted, so they are prepared
 * as bounded reads (a driver that reads by cursor may read them in one execution); the parents, which
 * stream, are not. Seen in the log of {@link RowsFactory}, where the dialect logs its hook after the
 * statement it prepares.
 */
class GatheredReadHintTest {
  private static final Duration T = Duration.ofSeconds(5);

  public record CityAndCountry(String name, Country country) {}

  private final RowsFactory factory = new RowsFactory();

  private final class Recording extends StandardDialect {
    @Override public void prepareBoundedRead(io.r2dbc.spi.Statement statement) {
      factory.log.add("bounded");
    }
  }

  @Test
  void aRelationBatchIsABoundedReadAndItsParentsAreNot() {
    factory.rows = 2;
    Database db = Database.builder().connectionFactory(factory).dialect(new Recording()).pooled(false)
        .fetchSize(0).build();
    List<CityAndCountry> cities = db.selectFrom(CITIES).with(CITIES.country).fetch(CityAndCountry.class)
        .collectList().block(T);
    assertThat(cities).extracting(CityAndCountry::country).isNotEmpty().doesNotContainNull();
    List<String> statements = factory.log.stream().filter(l -> l.contains("SELECT") || l.equals("bounded")).toList();
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0)).contains("FROM \"cities\"");
    assertThat(statements.get(1)).contains("FROM \"countries\"");
    assertThat(statements.get(2)).isEqualTo("bounded");
  }

  @Test
  void fetchListReadsTheParentsAsABoundedReadTooAndFetchDoesNot() {
    factory.rows = 2;
    Database db = Database.builder().connectionFactory(factory).dialect(new Recording()).pooled(false)
        .fetchSize(0).build();
    List<CityAndCountry> cities = db.selectFrom(CITIES).with(CITIES.country).fetchList(CityAndCountry.class).block(T);
    assertThat(cities).hasSize(2).extracting(CityAndCountry::country).doesNotContainNull();
    List<String> statements = factory.log.stream().filter(l -> l.contains("SELECT") || l.equals("bounded")).toList();
    assertThat(statements).hasSize(4);
    assertThat(statements.get(0)).contains("FROM \"cities\"");
    assertThat(statements.get(1)).isEqualTo("bounded");
    assertThat(statements.get(2)).contains("FROM \"countries\"");
    assertThat(statements.get(3)).isEqualTo("bounded");

    factory.log.clear();
    assertThat(db.select(CITIES.name).from(CITIES).fetchList().block(T)).hasSize(2);
    assertThat(db.select(CITIES.name).from(CITIES).fetch().collectList().block(T)).hasSize(2);
    List<String> plain = factory.log.stream().filter(l -> l.contains("SELECT") || l.equals("bounded")).toList();
    assertThat(plain).hasSize(3);
    assertThat(plain.get(1)).isEqualTo("bounded");
    assertThat(plain.get(2)).contains("FROM \"cities\"");
  }
}
