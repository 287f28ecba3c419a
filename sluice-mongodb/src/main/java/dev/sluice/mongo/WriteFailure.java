package dev.sluice.mongo;

import dev.sluice.error.SluiceException;

/**
 * One document of a many-document write that failed: its position in the list given, and the
 * typed error ({@link dev.sluice.error.UniqueViolationException} for a duplicate key).
 */
public record WriteFailure(int index, SluiceException error) {}
