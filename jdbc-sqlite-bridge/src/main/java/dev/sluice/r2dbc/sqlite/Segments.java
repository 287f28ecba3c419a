package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;

/** The {@link Result.Segment} implementations. */
final class Segments {

    private Segments() {
    }

    /** A row. */
    record RowSegment(Row row) implements Result.RowSegment {
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
