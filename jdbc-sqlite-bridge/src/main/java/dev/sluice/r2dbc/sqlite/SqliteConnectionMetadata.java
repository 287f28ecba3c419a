package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.ConnectionMetadata;

/** Connection metadata: product {@code SQLite} and the library version reported by {@code sqlite_version()}. */
final class SqliteConnectionMetadata implements ConnectionMetadata {

    private final String version;

    SqliteConnectionMetadata(String version) {
        this.version = version;
    }

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
    }

    @Override
    public String getDatabaseVersion() {
        return version;
    }
}
