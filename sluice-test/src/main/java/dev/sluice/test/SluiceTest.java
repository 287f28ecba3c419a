package dev.sluice.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class with a database of its own: a fresh database (a PostgreSQL or MariaDB/MySQL
 * database created on the server of {@link #url}, dropped after the class; for SQLite a new file)
 * with the tables of {@link #schema} created, and each test given a {@code Database} parameter
 * whose work runs in a transaction rolled back after the test. A {@code db.inTransaction(...)}
 * inside a test becomes a savepoint of that transaction, so it commits and rolls back as usual
 * without leaking into the next test.
 *
 * <pre>{@code
 * @SluiceTest(url = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres", schema = Schema.class)
 * class UserRepositoryTest {
 *   @Test void savesAUser(Database db) {
 *     db.insertInto(USERS).values(new User(null, "Ada")).execute().block();
 *     assertThat(db.selectFrom(USERS).fetch().count().block()).isEqualTo(1);   // rolled back afterwards
 *   }
 * }
 * }</pre>
 *
 * With {@link #migrations} (and {@link #javaMigrations}) the schema comes from migrations instead,
 * or as well: reactive-migrations' {@code Migrator} applies them once, before the class's first test,
 * and a migration that fails fails every test of the class with the migration's name.
 *
 * <pre>{@code
 * @SluiceTest(url = "r2dbc:mariadb://root@127.0.0.1:3306/test", migrations = "classpath:db/migrations",
 *     javaMigrations = "com.acme.migrations")
 * class MigratedSchemaTest { ... }
 * }</pre>
 *
 * The URL names the server and a database to connect to for creating the test's own (the URL's
 * database itself is never written); {@code sluice.test.url} (a system property) or
 * {@code SLUICE_TEST_URL} overrides it, so one suite can run against another server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SluiceExtension.class)
public @interface SluiceTest {
  /** The server, by an R2DBC URL of a database to connect to; {@code r2dbc:sqlite:} for a SQLite file. */
  String url() default "r2dbc:sqlite:";

  /** Classes whose {@code public static final} {@code Table} fields are created, in field order, after the migrations. */
  Class<?>[] schema() default {};

  /**
   * A migrations directory that reactive-migrations' {@code Migrator} applies to the class's
   * database before its first test (once per class, not per test): {@code classpath:db/migrations}
   * (a directory on the test class path, in a jar too) or a file system path (relative to the
   * working directory). Empty (the default): no SQL migrations. A location that does not exist
   * fails the class. Needs {@code dev.sluice:reactive-migrations} on the test class path.
   */
  String migrations() default "";

  /**
   * Packages or classes of {@code JavaMigration}s the {@code Migrator} runs among the SQL
   * migrations, ordered by name (its {@code javaMigrationsIn}), found with the test class's loader.
   */
  String[] javaMigrations() default {};

  /** Whether each test's work is rolled back after it (default true). */
  boolean rollback() default true;
}
