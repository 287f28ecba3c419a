package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;

/**
 * Maps JDBC/SQLite exceptions onto the R2DBC exception hierarchy. The SQL state is the name of SQLite's extended
 * result code (e.g. {@code SQLITE_CONSTRAINT_UNIQUE}) and the error code its numeric value (e.g. 2067).
 */
final class ExceptionMapper {

    private static final List<String> GRAMMAR_HINTS = List.of("syntax error", "no such ", "incomplete input",
        "ambiguous column", "has no column", "already exists", "unrecognized token", "wrong number of arguments",
        "misuse of", "values were supplied", "no tables specified", "not authorized");

    private ExceptionMapper() {
    }

    static R2dbcException map(Throwable t) {
        if (t instanceof R2dbcException) {
            return (R2dbcException) t;
        }
        if (t instanceof SQLiteException) {
            return map((SQLiteException) t);
        }
        if (t instanceof SQLTimeoutException) {
            SQLException e = (SQLException) t;
            return new R2dbcTimeoutException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        if (t instanceof SQLException) {
            SQLException e = (SQLException) t;
            return new R2dbcNonTransientResourceException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        return new R2dbcNonTransientResourceException(String.valueOf(t.getMessage()), t);
    }

    private static R2dbcException map(SQLiteException e) {
        SQLiteErrorCode rc = e.getResultCode();
        int code = rc == null || rc == SQLiteErrorCode.UNKNOWN_ERROR ? e.getErrorCode() : rc.code;
        String state = rc == null || rc == SQLiteErrorCode.UNKNOWN_ERROR ? null : rc.name();
        String message = e.getMessage();
        switch (code & 0xFF) {
            case 19: // SQLITE_CONSTRAINT
            case 20: // SQLITE_MISMATCH
            case 18: // SQLITE_TOOBIG
                return new R2dbcDataIntegrityViolationException(message, state, code, e);
            case 5: // SQLITE_BUSY
            case 6: // SQLITE_LOCKED
            case 17: // SQLITE_SCHEMA
                return new R2dbcTransientResourceException(message, state, code, e);
            case 3: // SQLITE_PERM
            case 8: // SQLITE_READONLY
            case 23: // SQLITE_AUTH
                return new R2dbcPermissionDeniedException(message, state, code, e);
            case 9: // SQLITE_INTERRUPT
                return new R2dbcTimeoutException(message, state, code, e);
            case 4: // SQLITE_ABORT
                return new R2dbcRollbackException(message, state, code, e);
            case 1: // SQLITE_ERROR
                if (isGrammar(message)) {
                    return new R2dbcBadGrammarException(message, state, code, e);
                }
                return new R2dbcNonTransientResourceException(message, state, code, e);
            default:
                return new R2dbcNonTransientResourceException(message, state, code, e);
        }
    }

    private static boolean isGrammar(String message) {
        if (message == null) {
            return false;
        }
        for (String hint : GRAMMAR_HINTS) {
            if (message.contains(hint)) {
                return true;
            }
        }
        return false;
    }
}
