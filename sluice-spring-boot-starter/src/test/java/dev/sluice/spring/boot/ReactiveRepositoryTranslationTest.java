package dev.sluice.spring.boot;

import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static dev.sluice.spring.boot.Accounts.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.spring.boot.Accounts.Account;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code @Repository} beans' reactive errors arrive as Spring's, from a real SQLite unique violation. */
class ReactiveRepositoryTranslationTest {
  private static final Duration T = Duration.ofSeconds(30);

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, SluiceAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=r2dbc:sqlite:memory:///repo_" + UUID.randomUUID().toString().replace("-", ""))
        .withBean(AccountRepository.class);
  }

  static Throwable error(Mono<?> work) {
    return work.then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(T);
  }

  @Test
  void aDuplicateFromARepositoryIsDuplicateKeyException() {
    runner().run(ctx -> {
      AccountRepository repo = ctx.getBean(AccountRepository.class);
      ctx.getBean(Database.class).createTables(OWNERS, ACCOUNTS).block(T);
      assertThat(repo.add(new Account(null, "r@x", null, 1)).block(T)).isEqualTo(1L);
      assertThat(error(repo.add(new Account(null, "r@x", null, 1)))).isInstanceOf(DuplicateKeyException.class)
          .hasCauseInstanceOf(UniqueViolationException.class);
      assertThat(error(repo.addAll(new Account(null, "r@x", null, 1)).then())).isInstanceOf(DuplicateKeyException.class);
    });
  }

  @Test
  void switchedOffTheSluiceExceptionArrives() {
    runner().withPropertyValues("sluice.translate-repository-errors=false").run(ctx -> {
      AccountRepository repo = ctx.getBean(AccountRepository.class);
      ctx.getBean(Database.class).createTables(OWNERS, ACCOUNTS).block(T);
      repo.add(new Account(null, "s@x", null, 1)).block(T);
      assertThat(error(repo.add(new Account(null, "s@x", null, 1)))).isInstanceOf(UniqueViolationException.class);
    });
  }

  @Repository
  static class AccountRepository {
    private final Database db;

    AccountRepository(Database db) { this.db = db; }

    public Mono<Long> add(Account a) { return db.insertInto(ACCOUNTS).values(a).execute(); }

    public Flux<Long> addAll(Account a) { return db.insertInto(ACCOUNTS).values(a).execute().flux(); }
  }
}
