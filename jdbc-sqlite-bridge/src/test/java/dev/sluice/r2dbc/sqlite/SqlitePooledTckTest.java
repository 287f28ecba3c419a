package dev.sluice.r2dbc.sqlite;

/**
 * The R2DBC TCK on the factory's own pool ({@code poolSize}) with {@code callerRuns}: every connection the TCK
 * opens is a borrowing, and its close gives the connection back.
 */
final class SqlitePooledTckTest extends SqliteTck {
    @Override
    SqliteConnectionConfiguration.Builder configure(SqliteConnectionConfiguration.Builder builder) {
        return builder.callerRuns(true).poolSize(4);
    }
}
