package dev.sluice.internal;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which reads Sluice hands to {@link dev.sluice.spi.Dialect#prepareBoundedRead} (a result small by
 * construction, no fetch size) and to {@code prepareUnboundRead}, seen in the log of a stub
 * connection: each hook logs its name after the statement it prepares.
 */
class BoundedReadHintTest {
  private static final Duration T = Duration.ofSeconds(5);

  private final StubConnectionFactory factory = new StubConnectionFactory();

  private final class Recording extends StandardDialect {
    @Override public void prepareUnboundRead(io.r2dbc.spi.Statement statement) {
      factory.log.add("unbound");
    }

    @Override public void prepareBoundedRead(io.r2dbc.spi.Statement statement) {
      factory.log.add("bounded");
    }
  }

  private Database db(int fetchSize) {
    return Database.builder().connectionFactory(factory).dialect(new Recording()).pooled(false)
        .fetchSize(fetchSize).build();
  }

  /** The hooks logged after the (only) statement a call ran. */
  private List<String> hooks() {
    List<String> log = factory.log.stream().filter(l -> !l.endsWith(": close")).toList();
    assertThat(log.get(0)).as("the statement comes first").contains("SELECT");
    List<String> after = log.subList(1, log.size());
    factory.log.clear();
    return after;
  }

  @Test
  void readsOfAFewRowsByConstructionAreMarkedBounded() {
    Database db = db(0);
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchOne().block(T);
    assertThat(hooks()).containsExactly("bounded");
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchFirst().block(T);
    assertThat(hooks()).containsExactly("bounded");
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "Peru")).exists().block(T);
    assertThat(hooks()).containsExactly("bounded");
    db.selectFrom(COUNTRIES).limit(1_000).fetch().collectList().block(T);
    assertThat(hooks()).containsExactly("bounded");
  }

  @Test
  void aCountIsBounded() {
    db(0).selectFrom(COUNTRIES).count().block(T);
    assertThat(hooks()).containsExactly("bounded");
    db(0).selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "Peru")).count().block(T);
    assertThat(hooks()).containsExactly("bounded");
  }

  @Test
  void aStreamOrALargeLimitIsNotBounded() {
    Database db = db(0);
    db.selectFrom(COUNTRIES).fetch().collectList().block(T);
    assertThat(hooks()).containsExactly("unbound");
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "Peru")).fetch().collectList().block(T);
    assertThat(hooks()).isEmpty();
    db.selectFrom(COUNTRIES).limit(1_001).fetch().collectList().block(T);
    assertThat(hooks()).isEmpty();
  }

  @Test
  void aFetchSizeTheCallerChoseWins() {
    db(0).selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchSize(10).fetchOne().block(T);
    assertThat(hooks()).isEmpty();
    db(50).selectFrom(COUNTRIES).limit(5).fetch().collectList().block(T);
    assertThat(hooks()).isEmpty();
  }
}
