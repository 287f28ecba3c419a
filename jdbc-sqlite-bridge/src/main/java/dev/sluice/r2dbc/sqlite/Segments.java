package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;

/** The {@link Result.Segment} implementations but rows ({@link SqliteRow} is its own segment). */
final class Segments {

    private Segments() {
    }

    /** The number of rows an INSERT/UPDATE/DELETE changed (0 for other statements). */
    record UpdateCount(long value) implements Result.UpdateCount {
    }

    /** An error reported by SQLite while executing or stepping a statement. */
    record Message(R2dbcException exception) implements Result.Message {

        @Override
        public int errorCode() {
            return exception.getErrorCode();
        }

        @Override
        public String sqlState() {
            return exception.getSqlState();
        }

        @Override
        public String message() {
            return exception.getMessage();
        }
    }
}
