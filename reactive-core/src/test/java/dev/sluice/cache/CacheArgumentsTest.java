package dev.sluice.cache;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.CITIES;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.IllegalUseException;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sqlcache.SqlQueryCache;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad arguments to the cache's API are refused at once, naming what is wrong; nothing runs. */
class CacheArgumentsTest {
  private final Database db = Database.builder().dialect(new StandardDialect()).build();

  @Test
  void aMemoNeedsANameAndATimeToLive() {
    assertThatThrownBy(() -> db.memo(" ", Duration.ofMinutes(1), (Integer id) -> db.selectFrom(COUNTRIES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A memo needs a name");
    assertThatThrownBy(() -> db.memo("m", null, (Integer id) -> db.selectFrom(COUNTRIES)))
        .isInstanceOf(NullPointerException.class).hasMessage("ttl");
  }

  @Test
  void aMemoOnADatabaseWithoutACacheFailsWithATypedError() {
    var byId = db.memo("byId", Duration.ofMinutes(1), (Integer id) -> db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, id)));
    assertThat(byId.name()).isEqualTo("byId");
    assertThatThrownBy(() -> byId.one(1).block(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
  }

  @Test
  void aRawWriteMustDeclareAtLeastOneTable() {
    assertThatThrownBy(() -> db.sql("UPDATE countries SET name = {0}", "x").writes())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("writes(...) needs at least one table");
  }

  @Test
  void cachedTimesToLiveMustBePositive() {
    assertThatThrownBy(() -> db.selectFrom(CITIES).with(CITIES.country).cached(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A cache time to live must be positive, was PT0S");
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).cached(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A cache time to live must be positive, was PT-1S");
  }

  @Test
  void aSqlCacheTableNameMustBeAPlainIdentifierAndItsTtlPositive() {
    io.r2dbc.spi.ConnectionFactory none = new io.r2dbc.spi.ConnectionFactory() {
      @Override public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> create() {
        return reactor.core.publisher.Mono.error(new IllegalStateException("never connected"));
      }

      @Override public io.r2dbc.spi.ConnectionFactoryMetadata getMetadata() { return () -> "PostgreSQL"; }
    };
    assertThatThrownBy(() -> SqlQueryCache.over(none, "cache; DROP TABLE x", Duration.ofMinutes(1), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain identifier")
        .hasMessageContaining("cache; DROP TABLE x");
    assertThatThrownBy(() -> SqlQueryCache.over(none, "qc", Duration.ZERO, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultTtl must be positive, was PT0S");
  }

  @Test
  void anInMemoryCacheNeedsAPositiveDefaultTtl() {
    assertThatThrownBy(() -> InMemoryQueryCache.builder().defaultTtl(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultTtl must be positive, was PT-0.005S");
  }
}
