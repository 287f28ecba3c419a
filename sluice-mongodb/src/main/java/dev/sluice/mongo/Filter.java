package dev.sluice.mongo;

import java.util.List;
import java.util.Objects;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A query filter, made by {@link MongoDsl} ({@code eq}, {@code and}, ...) and compiled to a BSON
 * filter document by {@link #toBson()}. Immutable: values are encoded when the filter is made and
 * copied each time it is rendered, so a filter can be kept and reused.
 */
public sealed interface Filter permits Filter.Match, Filter.Operator, Filter.Logical, Filter.Nor, Filter.All {
  /** A fresh BSON filter document. */
  BsonDocument toBson();

  /** {@code {path: value}}: equality, array membership, or a regular expression. */
  record Match(String path, BsonValue value) implements Filter {
    public Match {
      Objects.requireNonNull(path, "path");
    }

    @Override public BsonDocument toBson() { return new BsonDocument(path, copy(value)); }
  }

  /** {@code {path: {op: value}}}. */
  record Operator(String path, String op, BsonValue value) implements Filter {
    @Override public BsonDocument toBson() { return new BsonDocument(path, new BsonDocument(op, copy(value))); }
  }

  /** {@code {$and: [...]}} or {@code {$or: [...]}}. */
  record Logical(String op, List<Filter> parts) implements Filter {
    public Logical {
      parts = List.copyOf(parts);
    }

    @Override public BsonDocument toBson() {
      BsonArray a = new BsonArray();
      for (Filter f : parts) {
        a.add(f.toBson());
      }
      return new BsonDocument(op, a);
    }
  }

  /** {@code {$nor: [inner]}}: the negation of any filter (true where the field is missing, as SQL's NOT is not). */
  record Nor(Filter inner) implements Filter {
    @Override public BsonDocument toBson() {
      return new BsonDocument("$nor", new BsonArray(List.of(inner.toBson())));
    }
  }

  /** {@code {}}: every document. */
  record All() implements Filter {
    @Override public BsonDocument toBson() { return new BsonDocument(); }
  }

  private static BsonValue copy(BsonValue v) {
    if (v instanceof BsonDocument d) {
      return d.clone();
    }
    if (v instanceof BsonArray a) {
      return a.clone();
    }
    return v;
  }
}
