package dev.sluice.test;

/** {@code @SluiceTest} with migrations on a database of its own on the local PostgreSQL. */
@SluiceTest(url = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres", migrations = MigratedSluiceTestContract.MIGRATIONS,
    javaMigrations = MigratedSluiceTestContract.JAVA_MIGRATIONS, schema = SluiceTestContract.Tables.class)
class PostgresMigratedIT extends MigratedSluiceTestContract { }
