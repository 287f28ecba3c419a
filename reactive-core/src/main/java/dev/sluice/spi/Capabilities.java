package dev.sluice.spi;

/**
 * What a database can do, as named flags, so that differences are never scattered {@code if}s.
 *
 * @param returning          INSERT/UPDATE/DELETE ... RETURNING is supported
 * @param upsertStyle        how an upsert is written
 * @param ddlIsTransactional DDL statements take part in transactions
 * @param nullsOrdering      ORDER BY ... NULLS FIRST/LAST is supported
 * @param nativeEnums        the database has named enum types
 * @param ilike              the database has a case-insensitive LIKE operator
 * @param maxBindParameters  the most bind parameters one statement may carry
 * @param savepoints         savepoints are supported
 */
public record Capabilities(boolean returning, UpsertStyle upsertStyle, boolean ddlIsTransactional,
                           boolean nullsOrdering, boolean nativeEnums, boolean ilike,
                           int maxBindParameters, boolean savepoints) {

  /** How an insert-or-update is expressed. */
  public enum UpsertStyle { NONE, ON_CONFLICT, ON_DUPLICATE_KEY, MERGE }

  /** Conservative ANSI defaults. */
  public static Capabilities standard() {
    return new Capabilities(false, UpsertStyle.MERGE, false, true, false, false, 2000, true);
  }
}
