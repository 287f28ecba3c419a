package dev.sluice.observe;

import java.util.List;
import reactor.util.context.ContextView;

/**
 * One statement about to run, as a {@link QueryObserver} sees it.
 *
 * @param database      the {@code Database}'s name ({@code DatabaseBuilder.name}, else its dialect's)
 * @param dialect       the dialect's name, e.g. {@code postgresql}
 * @param operation     SELECT, INSERT, UPDATE, DELETE, RAW or DDL
 * @param table         the table the statement reads or writes first, or null (raw SQL, DDL)
 * @param sql           the SQL text, with placeholders; never values
 * @param binds         the bound values when {@code DatabaseBuilder.observeBinds(true)}, else each as
 *                      {@code "?"}: values are personal data more often than not
 * @param name          the name given with {@link QueryName}, or null
 * @param transactionId the id of the Sluice transaction it runs in (unique per {@code Database}),
 *                      or null outside one
 * @param context       the subscriber's Reactor Context, e.g. for a tracing parent
 */
public record StatementEvent(String database, String dialect, Operation operation, String table, String sql,
    List<Object> binds, String name, Long transactionId, ContextView context) {
  public StatementEvent {
    binds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(binds));
  }

  @Override public String toString() {
    return "StatementEvent[" + database + " " + operation + (table == null ? "" : " " + table)
        + (name == null ? "" : " '" + name + "'") + ": " + sql + "]";
  }
}
