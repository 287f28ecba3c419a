package dev.sluice.test;

/** {@code @SluiceTest} on a database of its own on the local MariaDB, created and dropped by the extension. */
@SluiceTest(url = "r2dbc:mariadb://root@127.0.0.1:3306/test", schema = SluiceTestContract.Tables.class)
class MariaDbSluiceIT extends SluiceTestContract { }
