package dev.sluice.micrometer;

import dev.sluice.observe.Finish;
import dev.sluice.observe.QueryObserver;
import dev.sluice.observe.StatementEvent;
import dev.sluice.observe.TransactionEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import reactor.util.context.ContextView;

/**
 * One Micrometer {@link Observation} per statement ({@code sluice.statement}) and per top-level
 * transaction ({@code sluice.transaction}). With a meter handler they become timers; with Micrometer
 * Tracing, spans whose parent is the observation in the subscriber's Reactor Context (the one
 * Spring WebFlux opens per request), so a request's trace shows its statements.
 *
 * <p>Low-cardinality keys (tags): {@code db.name}, {@code db.system}, {@code db.operation},
 * {@code db.table}, {@code sluice.query} (the {@code QueryName}, or {@code none}) and
 * {@code outcome} ({@code success}, {@code error}, {@code cancelled}). High-cardinality keys (span
 * attributes only): {@code db.statement} (the SQL, never values) and {@code db.rows}.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).observer(MicrometerObserver.of(observationRegistry)).build();
 * }</pre>
 */
public final class MicrometerObserver implements QueryObserver {
  /** The observation of each statement. */
  public static final String STATEMENT = "sluice.statement";
  /** The observation of each top-level transaction. */
  public static final String TRANSACTION = "sluice.transaction";

  /**
   * Where Reactor's Micrometer integration and Spring WebFlux keep the current observation in the
   * Context ({@code ObservationThreadLocalAccessor.KEY}, spelled out so that context-propagation need
   * not be on the class path).
   */
  static final String PARENT_KEY = "micrometer.observation";

  private final ObservationRegistry registry;

  private MicrometerObserver(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Observations in {@code registry}. */
  public static MicrometerObserver of(ObservationRegistry registry) {
    return new MicrometerObserver(registry);
  }

  @Override public Finish statement(StatementEvent e) {
    if (registry.isNoop()) {
      return Finish.NOTHING;
    }
    Observation o = Observation.createNotStarted(STATEMENT, registry)
        .contextualName(e.operation().tag() + (e.table() == null ? "" : " " + e.table()))
        .lowCardinalityKeyValue("db.name", e.database())
        .lowCardinalityKeyValue("db.system", e.dialect())
        .lowCardinalityKeyValue("db.operation", e.operation().tag())
        .lowCardinalityKeyValue("db.table", e.table() == null ? "none" : e.table())
        .lowCardinalityKeyValue("sluice.query", e.name() == null ? "none" : e.name())
        .highCardinalityKeyValue("db.statement", e.sql())
        .parentObservation(parent(e.context()))
        .start();
    return new Ending(o);
  }

  @Override public Finish transaction(TransactionEvent e) {
    if (registry.isNoop()) {
      return Finish.NOTHING;
    }
    Observation o = Observation.createNotStarted(TRANSACTION, registry)
        .contextualName("transaction")
        .lowCardinalityKeyValue("db.name", e.database())
        .lowCardinalityKeyValue("db.system", e.dialect())
        .lowCardinalityKeyValue("sluice.query", e.name() == null ? "none" : e.name())
        .highCardinalityKeyValue("sluice.transaction.id", Long.toString(e.transactionId()))
        .parentObservation(parent(e.context()))
        .start();
    return new Ending(o);
  }

  /** The observation Reactor's Micrometer integration (and Spring WebFlux) put in the Context. */
  private static Observation parent(ContextView context) {
    Object o = context.getOrDefault(PARENT_KEY, null);
    return o instanceof Observation observation ? observation : null;
  }

  /** Stops the observation with the outcome. */
  private record Ending(Observation observation) implements Finish {
    @Override public void succeeded(long rows, Duration elapsed) {
      stop("success", rows);
    }

    @Override public void failed(Throwable error, Duration elapsed) {
      observation.error(error);
      stop("error", -1);
    }

    @Override public void cancelled(long rows, Duration elapsed) {
      stop("cancelled", rows);
    }

    private void stop(String outcome, long rows) {
      observation.lowCardinalityKeyValue("outcome", outcome);
      if (rows >= 0) {
        observation.highCardinalityKeyValue("db.rows", Long.toString(rows));
      }
      observation.stop();
    }
  }
}
