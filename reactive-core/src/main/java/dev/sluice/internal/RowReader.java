package dev.sluice.internal;

/**
 * Turns one driver row into a value. Readers never return null.
 *
 * @param <T> the produced type
 */
@FunctionalInterface
public interface RowReader<T> {
  T read(io.r2dbc.spi.Row row);
}
