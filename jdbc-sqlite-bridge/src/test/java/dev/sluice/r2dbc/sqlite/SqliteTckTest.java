package dev.sluice.r2dbc.sqlite;

/** The R2DBC TCK with a connection's JDBC work on its scheduler (the default). */
final class SqliteTckTest extends SqliteTck {
    @Override
    SqliteConnectionConfiguration.Builder configure(SqliteConnectionConfiguration.Builder builder) {
        return builder;
    }
}
