package dev.sluice.test;

/**
 * {@code @SluiceTest} with migrations on the MySQL dialect: a database of its own on the local
 * MariaDB reached through io.asyncer's r2dbc-mysql, which names every server "MySQL" (as the
 * dialect ITs' MySQL-on-MariaDB targets do).
 */
@SluiceTest(url = "r2dbc:mysql://root@127.0.0.1:3306/test", migrations = MigratedSluiceTestContract.MIGRATIONS,
    javaMigrations = MigratedSluiceTestContract.JAVA_MIGRATIONS, schema = SluiceTestContract.Tables.class)
class MySqlOnMariaDbMigratedIT extends MigratedSluiceTestContract { }
