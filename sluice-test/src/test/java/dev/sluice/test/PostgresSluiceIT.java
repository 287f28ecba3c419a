package dev.sluice.test;

/** {@code @SluiceTest} on a database of its own on the local PostgreSQL, created and dropped by the extension. */
@SluiceTest(url = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres", schema = SluiceTestContract.Tables.class)
class PostgresSluiceIT extends SluiceTestContract { }
