package dev.sluice.mongo;

/**
 * The declaration of an embedded document, read into a record (a nested record of the parent's
 * record):
 *
 * <pre>{@code
 * public final class AddressDoc extends Embedded<Address> {
 *   public final Field<String> city = string("city");
 *   public final Field<String> zip  = string("zip");
 *   public AddressDoc() { super(Address.class); }
 * }
 * }</pre>
 *
 * @param <R> the record
 */
public abstract class Embedded<R> extends DocumentShape<R> {
  protected Embedded(Class<R> recordType) {
    super(recordType);
  }

  @Override String describe() { return "embedded document " + getClass().getSimpleName(); }
}
