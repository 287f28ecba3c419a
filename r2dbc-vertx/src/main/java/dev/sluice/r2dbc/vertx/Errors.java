package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * Vert.x errors as R2DBC's typed exceptions, by SQLSTATE class as r2dbc-postgresql does: 42501 and class 28
 * permission denied, class 42 bad grammar, classes 22 and 23 data integrity, class 40 rollback, 57014 (cancelled,
 * also a statement timeout) timeout, classes 53, 55 and 58 transient, class 08 and a lost connection (08006)
 * non-transient resource. Server errors carry {@link PostgresErrorDetails}.
 */
final class Errors {
    private Errors() {
    }

    static Throwable translate(Throwable error, String sql) {
        if (error instanceof NumberFormatException || error instanceof java.time.DateTimeException) {
            // thrown by Vert.x's decoder for a value it cannot read (numeric Infinity, a BC date in text, 24:00),
            // after which Vert.x closes the connection
            return new Lost("Vert.x cannot decode a value of the result (" + error.getMessage() + ") and closes the"
                + " connection; cast that column to text to read it", sql, error);
        }
        if (error instanceof R2dbcException || error instanceof IllegalArgumentException
            || error instanceof IllegalStateException) {
            return error;
        }
        if (error instanceof PgException pg) {
            return server(pg, sql);
        }
        if (error instanceof ClosedConnectionException || error instanceof IOException
            || error instanceof ClosedChannelException) {
            return new Lost(error.getMessage() == null ? "The connection is closed" : error.getMessage(), sql, error);
        }
        if (error instanceof ClassCastException || error.getClass().getName().equals("io.vertx.core.VertxException")
            && error.getMessage() != null && error.getMessage().contains("Parameter at position")) {
            return new IllegalArgumentException("A bound value does not fit its parameter in [" + sql + "]: "
                + error.getMessage(), error);
        }
        if (error.getMessage() != null && error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed")) {
            return new Lost(error.getMessage(), sql, error);
        }
        return new Lost(String.valueOf(error.getMessage()), sql, error);
    }

    private static R2dbcException server(PgException pg, String sql) {
        String state = pg.getSqlState() == null ? "" : pg.getSqlState();
        String message = pg.getErrorMessage() == null ? pg.getMessage() : pg.getErrorMessage();
        if (pg.getDetail() != null) {
            message = message + " (" + pg.getDetail() + ")";
        }
        Details d = new Details(state, pg.getSchema(), pg.getTable(), pg.getColumn(), pg.getConstraint(), pg.getDetail());
        if (state.equals("42501") || state.startsWith("28")) {
            return new PermissionDenied(message, d, sql, pg);
        }
        if (state.startsWith("42")) {
            return new BadGrammar(message, d, sql, pg);
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            return new DataIntegrity(message, d, sql, pg);
        }
        if (state.startsWith("40")) {
            return new Rollback(message, d, sql, pg);
        }
        if (state.equals("57014")) {
            return new Timeout(message, d, sql, pg);
        }
        if (state.startsWith("53") || state.startsWith("55") || state.startsWith("58")) {
            return new Transient(message, d, sql, pg);
        }
        return new NonTransient(message, d, sql, pg);
    }

    record Details(String sqlState, String schema, String table, String column, String constraint, String detail) {
    }

    /** A server error's fields, shared by the exception types below. */
    private interface WithDetails extends PostgresErrorDetails {
        Details details();

        @Override default String sqlState() { return details().sqlState(); }

        @Override default String schema() { return details().schema(); }

        @Override default String table() { return details().table(); }

        @Override default String column() { return details().column(); }

        @Override default String constraint() { return details().constraint(); }

        @Override default String detail() { return details().detail(); }
    }

    static final class BadGrammar extends R2dbcBadGrammarException implements WithDetails {
        private final transient Details details;

        BadGrammar(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class DataIntegrity extends R2dbcDataIntegrityViolationException implements WithDetails {
        private final transient Details details;

        DataIntegrity(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class PermissionDenied extends R2dbcPermissionDeniedException implements WithDetails {
        private final transient Details details;

        PermissionDenied(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class Rollback extends R2dbcRollbackException implements WithDetails {
        private final transient Details details;

        Rollback(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class Timeout extends R2dbcTimeoutException implements WithDetails {
        private final transient Details details;

        Timeout(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class Transient extends R2dbcTransientResourceException implements WithDetails {
        private final transient Details details;

        Transient(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    static final class NonTransient extends R2dbcNonTransientResourceException implements WithDetails {
        private final transient Details details;

        NonTransient(String m, Details d, String sql, Throwable cause) {
            super(m, d.sqlState(), 0, sql, cause);
            this.details = d;
        }

        @Override public Details details() { return details; }
    }

    /** The connection is gone (SQLSTATE 08006). */
    static final class Lost extends R2dbcNonTransientResourceException {
        Lost(String m, String sql, Throwable cause) {
            super(m, "08006", 0, sql, cause);
        }
    }
}
