package dev.sluice.mongo;

import java.util.Objects;

/**
 * One typed field of a document, made by the factories of {@link Collection} and {@link Embedded}
 * ({@code string("name")}, {@code int32("age")}, ...). Its {@link #path()} is the key in the stored
 * document (dotted for a field of an embedded document: {@code "address.city"}); the {@code id}
 * field is stored under {@code _id}. Immutable.
 *
 * @param <T> the Java type of its values
 */
public class Field<T> {
  private final String path;
  private final ValueType<T> type;

  Field(String path, ValueType<T> type) {
    this.path = Objects.requireNonNull(path, "path");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The key in the stored document, dotted for nested fields ({@code "_id"} for the id). */
  public String path() { return path; }

  /** How its values are stored. */
  public ValueType<T> type() { return type; }

  /** The same field under a parent document's path ({@code address} + {@code city} = {@code address.city}). */
  Field<T> under(String parent) {
    return new Field<>(parent + "." + path, type);
  }

  @Override public boolean equals(Object o) {
    return o instanceof Field<?> f && f.getClass() == getClass() && f.path.equals(path) && f.type.equals(type);
  }

  @Override public int hashCode() { return path.hashCode(); }

  @Override public String toString() { return path + " " + type; }
}
