package dev.sluice.r2dbc.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A JDBC prepared statement together with what the connection learnt about it: the schema version it was prepared
 * under and the row metadata of its last result. Confined to the connection's queue.
 */
final class CachedStatement {

    private final String sql;
    private final PreparedStatement statement;
    private final long schemaVersion;
    private final boolean cacheable;
    private SqliteRowMetadata metadata;

    private CachedStatement(String sql, PreparedStatement statement, long schemaVersion, boolean cacheable) {
        this.sql = sql;
        this.statement = statement;
        this.schemaVersion = schemaVersion;
        this.cacheable = cacheable;
    }

    static CachedStatement prepare(java.sql.Connection jdbc, String sql, long schemaVersion, boolean cacheable)
        throws SQLException {
        return new CachedStatement(sql, jdbc.prepareStatement(sql), schemaVersion, cacheable);
    }

    String sql() {
        return sql;
    }

    PreparedStatement statement() {
        return statement;
    }

    long schemaVersion() {
        return schemaVersion;
    }

    /** Whether the statement may be kept for reuse once its result is closed. */
    boolean cacheable() {
        return cacheable;
    }

    /**
     * The row metadata of the open result set: the one of the last execution if the columns are still the same
     * (SQLite re-prepares a statement whose schema changed), otherwise read afresh.
     */
    SqliteRowMetadata metadata(ResultSet resultSet) throws SQLException {
        if (metadata == null || !metadata.hasSameColumns(resultSet)) {
            metadata = SqliteRowMetadata.of(resultSet.getMetaData());
        }
        return metadata;
    }

    /** Forgets the bound values, so that the statement does not keep them reachable while idle. */
    void clearParameters() throws SQLException {
        statement.clearParameters();
    }

    void close() {
        SqliteConnection.closeQuietly(statement);
    }
}
