package dev.sluice.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;
import reactor.util.context.Context;

/** What {@link SqlLogger} writes, captured by SLF4J's recording logger (DEBUG enabled). */
class SqlLoggerTest {
  private final Queue<SubstituteLoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final EventRecordingLogger recorder =
      new EventRecordingLogger(new SubstituteLogger("dev.sluice.sql", events, true), events);

  private static StatementEvent select(List<Object> binds) {
    return new StatementEvent("orders", "postgresql", Operation.SELECT, "users",
        "SELECT \"id\" FROM \"users\" WHERE \"id\" = $1", binds, "userById", 7L, Context.empty());
  }

  private List<String> lines() {
    return events.stream().map(e -> e.getLevel() + " "
        + MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage()).toList();
  }

  @Test
  void aStatementIsLoggedAtDebugWithItsDurationAndRowsButNoValues() {
    SqlLogger log = SqlLogger.builder().logger(recorder).build();
    log.statement(select(List.of("?"))).succeeded(1, Duration.ofNanos(800_000));
    log.statement(select(List.of("?"))).cancelled(3, Duration.ofMillis(2));
    assertThat(lines()).containsExactly(
        "DEBUG orders SELECT users 'userById' tx7 1 row in 0.8 ms: SELECT \"id\" FROM \"users\" WHERE \"id\" = $1",
        "DEBUG orders SELECT users 'userById' tx7 3 rows in 2.0 ms, cancelled: SELECT \"id\" FROM \"users\" WHERE \"id\" = $1");
  }

  @Test
  void aSlowStatementIsAWarningAndValuesShowOnlyWhenAskedFor() {
    SqlLogger log = SqlLogger.builder().logger(recorder).slowerThan(Duration.ofMillis(100)).withBinds(true).build();
    log.statement(select(List.of(42))).succeeded(1, Duration.ofMillis(99));
    log.statement(select(List.of(42))).succeeded(1, Duration.ofMillis(250));
    assertThat(lines()).containsExactly(
        "DEBUG orders SELECT users 'userById' tx7 1 row in 99.0 ms: SELECT \"id\" FROM \"users\" WHERE \"id\" = $1 [42]",
        "WARN slow: orders SELECT users 'userById' tx7 1 row in 250.0 ms: SELECT \"id\" FROM \"users\" WHERE \"id\" = $1 [42]");
  }

  @Test
  void aFailureIsLoggedWithItsError() {
    SqlLogger.builder().logger(recorder).build().statement(select(List.of("?")))
        .failed(new IllegalStateException("boom"), Duration.ofMillis(1));
    assertThat(lines()).singleElement().asString()
        .startsWith("DEBUG orders SELECT users 'userById' tx7 failed after 1.0 ms: SELECT")
        .endsWith("(java.lang.IllegalStateException: boom)");
  }

  @Test
  void aNegativeThresholdIsRefused() {
    assertThatThrownBy(() -> SqlLogger.builder().slowerThan(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
  }

  @Test
  void aBlankQueryNameIsRefusedAndANameIsFoundInItsContext() {
    assertThatThrownBy(() -> QueryName.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(QueryName.in(QueryName.of("userById"))).isEqualTo("userById");
    assertThat(QueryName.in(Context.empty())).isNull();
  }
}
