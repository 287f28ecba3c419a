package dev.sluice.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A MongoDB collection declared like a table: typed fields and indexes as {@code public final}
 * fields, documents read into a record.
 *
 * <pre>{@code
 * public final class Users extends Collection<User> {
 *   public final Field<ObjectId>  id      = objectIdKey();                  // _id
 *   public final Field<String>    name    = string("name");
 *   public final Field<Integer>   age     = int32("age");
 *   public final ArrayField<String> tags  = array("tags", ValueTypes.STRING);
 *   public final DocumentField<Address, AddressDoc> address = document("address", new AddressDoc());
 *   public final Index byName = index(Index.on("users_name", asc(name)).unique());
 *   public Users() { super("users", User.class); }
 * }
 * }</pre>
 *
 * @param <R> the record a document is read into
 */
public abstract class Collection<R> extends DocumentShape<R> {
  private final String name;
  private final List<Index> indexes = new ArrayList<>();

  protected Collection(String name, Class<R> recordType) {
    super(recordType);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The collection's name. */
  public final String name() { return name; }

  /** The declared indexes, created by {@link MongoStore#createIndexes}. */
  public final List<Index> indexes() { return Collections.unmodifiableList(indexes); }

  /** Declares an index. */
  protected final Index index(Index index) {
    indexes.add(index);
    return index;
  }

  /** The id field ({@code _id}), or null when none is declared. */
  @SuppressWarnings("unchecked")
  public final <T> Field<T> idField() {
    for (Field<?> f : fields()) {
      if (f.path().equals("_id")) {
        return (Field<T>) f;
      }
    }
    return null;
  }

  @Override String describe() { return "collection '" + name + "'"; }
}
