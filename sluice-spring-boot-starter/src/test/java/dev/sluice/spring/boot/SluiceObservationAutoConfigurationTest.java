package dev.sluice.spring.boot;

import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static dev.sluice.spring.boot.Accounts.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.micrometer.MicrometerObserver;
import dev.sluice.observe.Finish;
import dev.sluice.observe.QueryObserver;
import dev.sluice.observe.StatementEvent;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's observability on an embedded SQLite: Micrometer, QueryObserver beans, SQL logging. */
class SluiceObservationAutoConfigurationTest {
  private static final Duration T = Duration.ofSeconds(30);

  private static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, SluiceAutoConfiguration.class,
            SluiceObservationAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=r2dbc:sqlite:memory:///obs_" + UUID.randomUUID().toString().replace("-", ""));
  }

  private static void query(Database db) {
    db.createTables(OWNERS, ACCOUNTS).block(T);
    db.selectFrom(ACCOUNTS).fetch().collectList().block(T);
  }

  @Test
  void withAnObservationRegistryEveryStatementIsAnObservationNamedAfterTheDatabase() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner().withBean(ObservationRegistry.class, () -> registry).withPropertyValues("sluice.name=accounts")
        .run(ctx -> {
          query(ctx.getBean(Database.class));
          TestObservationRegistryAssert.assertThat(registry)
              .hasNumberOfObservationsWithNameEqualTo(MicrometerObserver.STATEMENT, 3)
              .forAllObservationsWithNameEqualTo(MicrometerObserver.STATEMENT,
                  o -> o.hasLowCardinalityKeyValue("db.name", "accounts"));
        });
  }

  @Test
  void micrometerCanBeSwitchedOff() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner().withBean(ObservationRegistry.class, () -> registry).withPropertyValues("sluice.observe.micrometer=false")
        .run(ctx -> {
          query(ctx.getBean(Database.class));
          TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
        });
  }

  @Test
  void queryObserverBeansObserveTheDatabaseWithoutValuesUnlessAllowed() {
    List<StatementEvent> seen = new CopyOnWriteArrayList<>();
    QueryObserver observer = event -> {
      seen.add(event);
      return Finish.NOTHING;
    };
    runner().withBean(QueryObserver.class, () -> observer).run(ctx -> {
      Database db = ctx.getBean(Database.class);
      query(db);
      db.selectFrom(ACCOUNTS).where(dev.sluice.query.Dsl.eq(ACCOUNTS.email, "a@x")).fetch().collectList().block(T);
      assertThat(seen).extracting(StatementEvent::operation).map(Object::toString)
          .containsExactly("DDL", "DDL", "SELECT", "SELECT");
      assertThat(seen.get(3).binds()).containsExactly("?");
      assertThat(seen.get(3).database()).isEqualTo("sqlite");
    });
    seen.clear();
    runner().withBean(QueryObserver.class, () -> observer).withPropertyValues("sluice.observe.binds=true").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      query(db);
      db.selectFrom(ACCOUNTS).where(dev.sluice.query.Dsl.eq(ACCOUNTS.email, "a@x")).fetch().collectList().block(T);
      assertThat(seen.get(3).binds()).containsExactly("a@x");
    });
  }

  @Test
  void sqlLoggingIsACustomizerWhenAskedFor() {
    runner().run(ctx -> assertThat(ctx).doesNotHaveBean("sluiceSqlLogger"));
    runner().withPropertyValues("sluice.observe.log-sql=true", "sluice.observe.slow-statement=250ms").run(ctx -> {
      assertThat(ctx).hasBean("sluiceSqlLogger");
      assertThat(ctx.getBean(SluiceProperties.class).getObserve().getSlowStatement()).isEqualTo(Duration.ofMillis(250));
      query(ctx.getBean(Database.class));
    });
  }
}
