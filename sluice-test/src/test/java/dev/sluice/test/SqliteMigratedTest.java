package dev.sluice.test;

/** {@code @SluiceTest} with migrations on a SQLite file of its own. */
@SluiceTest(migrations = MigratedSluiceTestContract.MIGRATIONS, javaMigrations = MigratedSluiceTestContract.JAVA_MIGRATIONS,
    schema = SluiceTestContract.Tables.class)
class SqliteMigratedTest extends MigratedSluiceTestContract { }
