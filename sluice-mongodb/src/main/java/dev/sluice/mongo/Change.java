package dev.sluice.mongo;

/**
 * One event of a change stream ({@link TypedCollection#watch()}): the operation
 * ({@code insert}, {@code update}, {@code replace}, {@code delete}, ...), the document as it is
 * after the change (looked up for updates; null for a delete), and the changed document's id.
 *
 * @param <R> the collection's record
 */
public record Change<R>(String operation, R document, Object id) {}
