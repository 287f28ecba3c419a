package dev.sluice.r2dbc.sqlite;

/** Marker for a parameter bound to SQL NULL (a Java {@code null} in a binding means "not bound yet"). */
final class BoundNull {

    static final BoundNull INSTANCE = new BoundNull();

    private BoundNull() {
    }

    @Override
    public String toString() {
        return "NULL";
    }
}
