package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code @SluiceTest} on a database of its own on the local PostgreSQL, created and dropped by the
 * extension, reached as {@code Database.builder().url(...)} reaches it: binary results, read by
 * Sluice's exact decoders.
 */
@SluiceTest(url = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres", schema = SluiceTestContract.Tables.class)
class PostgresSluiceIT extends SluiceTestContract {
  /**
   * Only Sluice's binary numeric decoder says this; the driver's text decoder fails on {@code NaN}
   * with BigDecimal's own message ("Character N is neither a decimal digit number, ..."). A
   * statement with a bind, since raw SQL without one goes by the simple (text) protocol.
   */
  @Test
  void readsInBinaryThroughSluicesExactDecoders(Database db) {
    assertThatThrownBy(() -> db.sql("SELECT CAST({0} AS numeric) AS v", "NaN").fetch().map(r -> r.get("v", BigDecimal.class))
        .blockLast(Duration.ofSeconds(30)))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage("numeric NaN cannot be read as a BigDecimal");
  }
}
