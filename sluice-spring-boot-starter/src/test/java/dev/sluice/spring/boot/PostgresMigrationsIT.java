package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrations applied at start-up, on a PostgreSQL database of this test class's own. */
class PostgresMigrationsIT {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir static Path dir;
  static String url;

  @BeforeAll
  static void writeMigrations() throws IOException {
    url = PostgresDatabase.fresh("sluice_bootmig");
    Path init = Files.createDirectories(dir.resolve("20260101000000_init"));
    Files.writeString(init.resolve("up.sql"), "CREATE TABLE boot_items (id integer PRIMARY KEY, name varchar(20) NOT NULL);\n"
        + "INSERT INTO boot_items (id, name) VALUES (1, 'seeded');\n");
    Files.writeString(init.resolve("down.sql"), "DROP TABLE boot_items;\n");
    rehash(dir);
  }

  /** Writes sluice.sum for the directory (the migrator refuses a directory without one). */
  static void rehash(Path migrations) {
    Database db = Database.builder().url(url).build();
    Migrator.builder(db).directory(migrations).build().rehash().block(T);
    db.close().block(T);
  }

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, SluiceAutoConfiguration.class,
            SluiceMigrationsAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=" + url, "sluice.migrations.location=file:" + dir);
  }

  static long count(Database db, String table) {
    return db.sql("SELECT count(*) AS n FROM " + table).fetch().map(r -> r.get("n", Long.class)).blockFirst(T);
  }

  @Test
  void theSchemaExistsWhenTheContextIsReadyAndASecondContextAppliesNothing() {
    AtomicReference<Long> seenAtCreation = new AtomicReference<>();
    runner().withUserConfiguration(ReadsAtCreation.class).withBean(AtomicReference.class, () -> seenAtCreation).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(SluiceMigrations.class).report().applied()).hasSize(1);
      assertThat(seenAtCreation.get()).as("a @DependsOnDatabaseInitialization bean saw the migrated table").isEqualTo(1L);
      assertThat(count(ctx.getBean(Database.class), "boot_items")).isEqualTo(1L);
    });
    runner().run(ctx -> {
      assertThat(ctx.getBean(SluiceMigrations.class).report().applied()).as("already applied").isEmpty();
      Database db = ctx.getBean(Database.class);
      assertThat(count(db, "boot_items")).as("the insert of the migration did not run again").isEqualTo(1L);
      assertThat(count(db, "sluice_migrations")).isEqualTo(1L);
    });
  }

  @Test
  void disabledMigrationsDoNotRun() {
    runner().withPropertyValues("sluice.migrations.enabled=false", "sluice.migrations.history-table=never_made")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().doesNotHaveBean(SluiceMigrations.class);
          Database db = ctx.getBean(Database.class);
          assertThat(db.sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'never_made'")
              .fetch().map(r -> r.get("n", Long.class)).blockFirst(T)).isZero();
        });
  }

  @Test
  void aMissingLocationIsSkipped() {
    runner().withPropertyValues("sluice.migrations.location=classpath:no/such/dir").run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(SluiceMigrations.class).report()).isNull();
    });
  }

  @Test
  void aFailingMigrationFailsTheStart(@TempDir Path broken) throws IOException {
    Path bad = Files.createDirectories(broken.resolve("20260101000000_bad"));
    Files.writeString(bad.resolve("up.sql"), "CREATE TABLE boot_bad (id integer PRIMARY KEY);\nSELECT no_such_column FROM boot_bad;\n");
    rehash(broken);
    runner().withPropertyValues("sluice.migrations.location=file:" + broken, "sluice.migrations.history-table=bad_history")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          assertThat(ctx.getStartupFailure()).hasStackTraceContaining("no_such_column");
        });
  }

  /** A bean that reads the migrated table while the context starts. */
  @Configuration(proxyBeanMethods = false)
  static class ReadsAtCreation {
    @Bean
    @DependsOnDatabaseInitialization
    Object reader(Database db, AtomicReference<Long> seen) {
      seen.set(count(db, "boot_items"));
      return new Object();
    }
  }
}
