package dev.sluice.test;

/** {@code @SluiceTest} on a SQLite file of its own (no server). */
@SluiceTest(schema = SluiceTestContract.Tables.class)
class SqliteSluiceTest extends SluiceTestContract { }
