package dev.sluice.mongo;

import java.util.Objects;

/**
 * One write of a bulk write ({@link TypedCollection#bulkWrite}): an insert, a replace, an update
 * of one or many documents, or a delete. Immutable.
 *
 * <pre>{@code
 * users.bulkWrite(Flux.just(
 *     Write.insert(user("Eve", 30, "Oslo")),
 *     Write.updateOne(users.update(eq(USERS.name, "Dan")).inc(USERS.age, 1)),
 *     Write.deleteMany(lt(USERS.age, 18))), 1000, true);
 * }</pre>
 *
 * @param <R> the collection's record
 */
public sealed interface Write<R> {
  /** Inserts the record (a null ObjectId or UUID id is generated). */
  static <R> Write<R> insert(R document) {
    return new Insert<>(Objects.requireNonNull(document, "document"));
  }

  /** Replaces the first document matching {@code filter}. */
  static <R> Write<R> replace(Filter filter, R document) {
    return new Replace<>(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(document, "document"));
  }

  /** The update of the first matching document (its filter, operators and upsert flag). */
  static <R> Write<R> updateOne(Update<R> update) {
    return new UpdateWrite<>(Objects.requireNonNull(update, "update"), false);
  }

  /** The update of every matching document. */
  static <R> Write<R> updateMany(Update<R> update) {
    return new UpdateWrite<>(Objects.requireNonNull(update, "update"), true);
  }

  /** Deletes the first document matching {@code filter}. */
  static <R> Write<R> deleteOne(Filter filter) {
    return new Delete<>(Objects.requireNonNull(filter, "filter"), false);
  }

  /** Deletes every document matching {@code filter}. */
  static <R> Write<R> deleteMany(Filter filter) {
    return new Delete<>(Objects.requireNonNull(filter, "filter"), true);
  }

  /** An insert. */
  record Insert<R>(R document) implements Write<R> { }

  /** A replace of the first match. */
  record Replace<R>(Filter filter, R document) implements Write<R> { }

  /** An update of the first match, or of every match. */
  record UpdateWrite<R>(Update<R> update, boolean many) implements Write<R> { }

  /** A delete of the first match, or of every match. */
  record Delete<R>(Filter filter, boolean many) implements Write<R> { }
}
