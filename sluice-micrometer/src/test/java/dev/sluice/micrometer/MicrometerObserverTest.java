package dev.sluice.micrometer;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.observe.QueryName;
import dev.sluice.testing.Country;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.util.context.Context;

/** Observations of statements and transactions, on a real SQLite database (a temp file). */
class MicrometerObserverTest {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  /** The contexts of the observations stopped, as a tracer would see them. */
  private final java.util.List<Observation.Context> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Database db;

  @BeforeEach
  void open() {
    registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
      @Override public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override public void onStop(Observation.Context context) {
        stopped.add(context);
      }
    });
    db = Database.builder().url("r2dbc:sqlite:///" + dir.resolve("obs.db")).name("orders")
        .observer(MicrometerObserver.of(registry)).build();
    db.createTables(COUNTRIES).block(T);
    registry.clear();
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  @Test
  void aSelectIsOneObservationWithLowCardinalityTagsAndItsSqlAsAnAttribute() {
    db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
    registry.clear();
    stopped.clear();
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).fetch().collectList()
        .contextWrite(QueryName.of("countryByName")).block(T);
    assertThat(registry).hasNumberOfObservationsEqualTo(1)
        .hasObservationWithNameEqualTo(MicrometerObserver.STATEMENT).that()
        .hasContextualNameEqualTo("select countries")
        .hasLowCardinalityKeyValue("db.name", "orders")
        .hasLowCardinalityKeyValue("db.system", "sqlite")
        .hasLowCardinalityKeyValue("db.operation", "select")
        .hasLowCardinalityKeyValue("db.table", "countries")
        .hasLowCardinalityKeyValue("sluice.query", "countryByName")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasHighCardinalityKeyValue("db.rows", "1")
        .hasBeenStarted().hasBeenStopped();
    Assertions.assertThat(stopped).singleElement()
        .satisfies(c -> Assertions.assertThat(c.getHighCardinalityKeyValue("db.statement").getValue())
            .contains("countries").doesNotContain("a'").doesNotContain("'a"));
  }

  @Test
  void aFailedStatementCarriesItsErrorAndACancelledStreamSaysSo() {
    db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
    assertThatThrownBy(() -> db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T))
        .isInstanceOf(UniqueViolationException.class);
    db.insertInto(COUNTRIES).values(IntStream.range(0, 20).mapToObj(i -> new Country(null, "c" + i)).toList())
        .execute().block(T);
    registry.clear();
    db.selectFrom(COUNTRIES).fetch().take(2).blockLast(T);
    assertThat(registry).hasSingleObservationThat().hasLowCardinalityKeyValue("outcome", "cancelled")
        .hasHighCardinalityKeyValue("db.rows", "2");
  }

  @Test
  void theFailedInsertIsAnErrorObservation() {
    db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
    registry.clear();
    assertThatThrownBy(() -> db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T))
        .isInstanceOf(UniqueViolationException.class);
    assertThat(registry).hasSingleObservationThat().hasLowCardinalityKeyValue("outcome", "error")
        .hasLowCardinalityKeyValue("db.operation", "insert")
        .assertThatError().isInstanceOf(UniqueViolationException.class);
  }

  @Test
  void aTransactionIsAnObservationAndTheRequestsObservationIsTheParent() {
    Observation request = Observation.start("http.server.requests", registry);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "a")).execute())
        .contextWrite(Context.of(MicrometerObserver.PARENT_KEY, request)).blockLast(T);
    request.stop();
    assertThat(registry).hasNumberOfObservationsWithNameEqualTo(MicrometerObserver.TRANSACTION, 1)
        .hasNumberOfObservationsWithNameEqualTo(MicrometerObserver.STATEMENT, 1)
        .forAllObservationsWithNameEqualTo(MicrometerObserver.STATEMENT,
            o -> o.hasParentObservationEqualTo(request))
        .forAllObservationsWithNameEqualTo(MicrometerObserver.TRANSACTION,
            o -> o.hasLowCardinalityKeyValue("outcome", "success").hasHighCardinalityKeyValue("db.rows", "1"));
  }

  @Test
  void withAMeterHandlerStatementsBecomeTimersTaggedLowCardinalityOnly() {
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    Database timed = Database.builder().url("r2dbc:sqlite:///" + dir.resolve("obs.db"))
        .observer(MicrometerObserver.of(observations)).build();
    try {
      timed.selectFrom(COUNTRIES).fetch().collectList().block(T);
      timed.selectFrom(COUNTRIES).fetch().collectList().block(T);
      Assertions.assertThat(meters.get(MicrometerObserver.STATEMENT).tag("db.operation", "select")
          .tag("outcome", "success").timer().count()).isEqualTo(2);
      Assertions.assertThat(meters.get(MicrometerObserver.STATEMENT).timer().getId().getTags())
          .noneMatch(t -> t.getKey().equals("db.statement") || t.getKey().equals("db.rows"));
    } finally {
      timed.close().block(T);
    }
  }
}
