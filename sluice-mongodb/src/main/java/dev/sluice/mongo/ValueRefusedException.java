package dev.sluice.mongo;

import dev.sluice.error.DataException;

/**
 * A value MongoDB would keep changed, refused before anything is sent: an {@code Instant} finer
 * than a millisecond (a BSON date holds milliseconds), a {@code BigDecimal} a Decimal128 cannot
 * hold exactly (more than 34 significant digits, or a scale it would change), a string with a lone
 * UTF-16 surrogate (UTF-8 cannot encode it). Names the field ({@link #column()}, dotted inside
 * embedded documents) and, when a record is written, the collection ({@link #table()}).
 *
 * <pre>{@code
 * users.insert(user).onErrorResume(ValueRefusedException.class, e -> badRequest(e.column(), e.reason()));
 * }</pre>
 */
public final class ValueRefusedException extends DataException {
  private final String reason;

  /** A refusal of a value whose field is not known yet (a {@link ValueType} raises it). */
  public ValueRefusedException(String reason) {
    this(reason, null, null, null);
  }

  private ValueRefusedException(String reason, Throwable cause, String collection, String field) {
    super(message(reason, collection, field), cause, collection == null ? null : collection + ".write", collection,
        field);
    this.reason = reason;
  }

  /** A refusal of a value whose field is not known yet, with the exception that showed it. */
  public ValueRefusedException(String reason, Throwable cause) {
    this(reason, cause, null, null);
  }

  /** What is wrong with the value, without the field. */
  public String reason() { return reason; }

  /**
   * This refusal seen from the document holding the field: {@code key} is put before the field
   * found so far ({@code "address"} + {@code "city"} is {@code "address.city"}), and the
   * collection is named when the document is a collection's.
   */
  public ValueRefusedException under(String key, String collection) {
    String field = column() == null ? key : key + "." + column();
    return new ValueRefusedException(reason, getCause(), collection != null ? collection : table(), field);
  }

  private static String message(String reason, String collection, String field) {
    if (field == null) {
      return reason;
    }
    return reason + " (field '" + field + "'" + (collection == null ? "" : " of collection '" + collection + "'")
        + "); nothing was sent";
  }
}
