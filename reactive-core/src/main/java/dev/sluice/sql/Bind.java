package dev.sluice.sql;

/**
 * A value bound to a statement parameter, already converted for the driver.
 *
 * @param value the driver value, or null
 * @param type  the driver type (used to bind a typed null)
 */
public record Bind(Object value, Class<?> type) {}
