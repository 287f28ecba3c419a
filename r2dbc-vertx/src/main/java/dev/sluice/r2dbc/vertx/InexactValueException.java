package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.R2dbcNonTransientException;

/**
 * A column value that Vert.x has already changed (a JSON document it parsed, whose spacing or number
 * spelling is lost) or that the Java class asked for cannot hold (an interval with months as a
 * {@code Duration}), so the driver refuses it instead of returning it changed. The message names the
 * column and how to read it exactly, usually by casting it to text in the query ({@code col::text}).
 */
public final class InexactValueException extends R2dbcNonTransientException {
    private static final long serialVersionUID = 1L;

    /** A refusal whose message names the column, what would change and how to read it exactly. */
    public InexactValueException(String message) {
        super(message);
    }
}
