package dev.sluice.spring.boot;

import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static dev.sluice.spring.boot.Accounts.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.ForeignTransactionPolicy;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spring.boot.Accounts.Account;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The auto-configuration on an embedded SQLite, through Boot's own R2DBC auto-configuration. */
class SluiceAutoConfigurationTest {
  private static final Duration T = Duration.ofSeconds(30);

  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, SluiceAutoConfiguration.class,
            SluiceMigrationsAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=r2dbc:sqlite:memory:///boot_" + UUID.randomUUID().toString().replace("-", ""),
            "sluice.migrations.enabled=false");
  }

  @Test
  void databaseRunsOnBootsConnectionFactoryWithTheDetectedDialect() {
    runner().run(ctx -> {
      assertThat(ctx).hasSingleBean(Database.class).hasSingleBean(SluiceExceptionTranslator.class);
      Database db = ctx.getBean(Database.class);
      assertThat(db.dialect().name()).isEqualTo("sqlite");
      assertThat(db.connectionFactory()).as("no second pool around Boot's").isSameAs(ctx.getBean(ConnectionFactory.class));
      db.createTables(OWNERS, ACCOUNTS).block(T);
      db.insertInto(ACCOUNTS).values(new Account(null, "a@x", null, 5)).execute().block(T);
      assertThat(db.selectFrom(ACCOUNTS).fetch().map(Account::email).collectList().block(T)).containsExactly("a@x");
      assertThat(ctx.getBeansOfType(PersistenceExceptionTranslator.class)).hasSize(1);
    });
  }

  @Test
  void sluiceDialectOverridesDetection() {
    runner().withPropertyValues("sluice.dialect=PostgreSQL")
        .run(ctx -> assertThat(ctx.getBean(Database.class).dialect().name()).isEqualTo("postgresql"));
  }

  @Test
  void anUnknownDialectFailsTheStartNamingIt() {
    runner().withPropertyValues("sluice.dialect=nosuchdb").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(UnsupportedByDialectException.class)
          .hasMessageContaining("No Sluice dialect named 'nosuchdb'");
    });
  }

  @Test
  void propertiesAreBound() {
    runner().withPropertyValues("sluice.fetch-size=500", "sluice.reveal-bind-values=true",
        "sluice.foreign-transactions=warn", "sluice.join-spring-transactions=false", "sluice.max-rows-per-insert=100",
        "sluice.migrations.location=file:/tmp/x", "sluice.migrations.history-table=hist",
        "sluice.health.timeout=750ms").run(ctx -> {
      SluiceProperties p = ctx.getBean(SluiceProperties.class);
      assertThat(p.getFetchSize()).isEqualTo(500);
      assertThat(p.isRevealBindValues()).isTrue();
      assertThat(p.getForeignTransactions()).isEqualTo(ForeignTransactionPolicy.WARN);
      assertThat(p.isJoinSpringTransactions()).isFalse();
      assertThat(p.getMaxRowsPerInsert()).isEqualTo(100);
      assertThat(p.getMigrations().isEnabled()).isFalse();
      assertThat(p.getMigrations().getLocation()).isEqualTo("file:/tmp/x");
      assertThat(p.getMigrations().getHistoryTable()).isEqualTo("hist");
      assertThat(p.getHealth().getTimeout()).isEqualTo(Duration.ofMillis(750));
    });
  }

  @Test
  void revealBindValuesReachesTheDatabase() {
    runner().withPropertyValues("sluice.reveal-bind-values=true").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      db.createTables(OWNERS, ACCOUNTS).block(T);
      db.insertInto(ACCOUNTS).values(new Account(null, "dup@x", null, 1)).execute().block(T);
      Throwable e = db.insertInto(ACCOUNTS).values(new Account(null, "dup@x", null, 1)).execute()
          .map(n -> (Throwable) null).onErrorResume(x -> reactor.core.publisher.Mono.just(x)).block(T);
      assertThat(e).hasStackTraceContaining("dup@x");
    });
  }

  @Test
  void aDatabaseOfTheApplicationWins() {
    runner().withUserConfiguration(OwnDatabase.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(Database.class);
      assertThat(ctx.getBean(Database.class)).isSameAs(ctx.getBean(OwnDatabase.class).db);
      assertThat(ctx.getBean(Database.class).dialect().name()).isEqualTo("h2");
    });
  }

  @Test
  void nothingWithoutAConnectionFactory() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SluiceAutoConfiguration.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(Database.class));
  }

  @Test
  void joinsSpringTransactionsByDefault() {
    runner().withPropertyValues("spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=1").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      db.createTables(OWNERS, ACCOUNTS).block(T);
      TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(ctx.getBean(ConnectionFactory.class)));
      reactor.core.publisher.Mono<Void> inserted = db.insertInto(ACCOUNTS).values(new Account(null, "rolled@x", null, 1))
          .execute().then(reactor.core.publisher.Mono.error(new IllegalStateException("roll back")));
      assertThat(tx.transactional(inserted).onErrorResume(IllegalStateException.class, e -> reactor.core.publisher.Mono.empty())
          .then(db.selectFrom(ACCOUNTS).fetch().count()).block(T)).as("the insert was rolled back with Spring's transaction")
          .isZero();
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDatabase {
    final Database db = Database.builder().dialect(dev.sluice.spi.Dialects.named("h2")).build();

    @Bean Database myDatabase() { return db; }
  }
}
