package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.ConnectionFactoryMetadata;

/** Metadata of {@link SqliteConnectionFactory}: the name {@code SQLite}. */
final class SqliteConnectionFactoryMetadata implements ConnectionFactoryMetadata {

    static final SqliteConnectionFactoryMetadata INSTANCE = new SqliteConnectionFactoryMetadata();

    private SqliteConnectionFactoryMetadata() {
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
