package dev.sluice.test;

/** {@code @SluiceTest} with migrations on a database of its own on the local MariaDB. */
@SluiceTest(url = "r2dbc:mariadb://root@127.0.0.1:3306/test", migrations = MigratedSluiceTestContract.MIGRATIONS,
    javaMigrations = MigratedSluiceTestContract.JAVA_MIGRATIONS, schema = SluiceTestContract.Tables.class)
class MariaDbMigratedIT extends MigratedSluiceTestContract { }
