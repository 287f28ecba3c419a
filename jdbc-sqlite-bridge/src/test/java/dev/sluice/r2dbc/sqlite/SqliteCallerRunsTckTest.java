package dev.sluice.r2dbc.sqlite;

/**
 * The R2DBC TCK with {@code callerRuns}: the JDBC work runs on the calling thread whenever it may block, which the
 * TCK's own thread (blocking on each result) may.
 */
final class SqliteCallerRunsTckTest extends SqliteTck {
    @Override
    SqliteConnectionConfiguration.Builder configure(SqliteConnectionConfiguration.Builder builder) {
        return builder.callerRuns(true);
    }
}
