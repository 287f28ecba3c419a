package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;

import java.time.Duration;
import java.util.Locale;

/** The SQL of PostgreSQL's transaction commands, from R2DBC's definitions. */
final class Transactions {
    private Transactions() {
    }

    /** {@code BEGIN [ISOLATION LEVEL ...] [READ ONLY|READ WRITE]}. */
    static String begin(TransactionDefinition definition) {
        StringBuilder sql = new StringBuilder("BEGIN");
        IsolationLevel level = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        if (level != null) {
            sql.append(" ISOLATION LEVEL ").append(isolation(level));
        }
        Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
        if (readOnly != null) {
            sql.append(readOnly ? " READ ONLY" : " READ WRITE");
        }
        return sql.toString();
    }

    /** The isolation level's SQL, refusing one PostgreSQL does not know. */
    static String isolation(IsolationLevel level) {
        String sql = level.asSql().toUpperCase(Locale.ROOT);
        switch (sql) {
            case "READ UNCOMMITTED":
            case "READ COMMITTED":
            case "REPEATABLE READ":
            case "SERIALIZABLE":
                return sql;
            default:
                throw new IllegalArgumentException("PostgreSQL has no isolation level '" + level.asSql() + "'");
        }
    }

    /** A savepoint's name, quoted as an identifier. */
    static String savepoint(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A savepoint needs a name");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A timeout setting in milliseconds ({@code 0}: none). */
    static String timeout(String setting, Duration timeout) {
        return "SET " + setting + " = " + millis(timeout);
    }

    /** A timeout in whole milliseconds, at least 1 unless it is none ({@code null} or zero: 0). */
    static long millis(Duration timeout) {
        return timeout == null ? 0 : Math.max(timeout.toMillis(), timeout.isZero() ? 0 : 1);
    }

    /**
     * What a statement run as SQL does to the transaction state: 1 begins, -1 ends, 0 neither (only the first
     * word counts; {@code ROLLBACK TO} keeps the transaction).
     */
    static int effect(String sql) {
        int first = 0;
        while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
            first++;
        }
        // most statements (SELECT, INSERT, UPDATE, ...) are told apart by their first letter, without allocating
        switch (first < sql.length() ? Character.toUpperCase(sql.charAt(first)) : ' ') {
            case 'A', 'B', 'C', 'E', 'R', 'S' -> { }
            default -> {
                return 0;
            }
        }
        if (sql.regionMatches(true, first, "SELECT", 0, 6) || sql.regionMatches(true, first, "SET", 0, 3)) {
            return 0;
        }
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String word = s.substring(0, end).toUpperCase(Locale.ROOT);
        switch (word) {
            case "BEGIN":
            case "START":
                return 1;
            case "COMMIT":
            case "END":
            case "ABORT":
                return -1;
            case "ROLLBACK":
                String rest = s.substring(end).stripLeading().toUpperCase(Locale.ROOT);
                return rest.startsWith("TO") || rest.startsWith("PREPARED") ? 0 : -1;
            default:
                return 0;
        }
    }
}
