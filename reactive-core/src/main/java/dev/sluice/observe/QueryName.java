package dev.sluice.observe;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Names the statements (and transactions) of one subscription for observers, logs and metrics,
 * through the Reactor {@code Context}, so that no builder needs to know about it:
 *
 * <pre>{@code
 * db.selectFrom(USERS).where(eq(USERS.id, id)).fetchOne()
 *     .contextWrite(QueryName.of("userById"));
 * }</pre>
 *
 * Every statement subscribed under it carries the name, relation loads included. The innermost
 * {@code contextWrite} wins.
 */
public final class QueryName {
  private static final Object KEY = QueryName.class;

  private QueryName() { }

  /** A Context naming the statements below it {@code name}. */
  public static Context of(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A query name must not be blank");
    }
    return Context.of(KEY, name);
  }

  /** The name in {@code context}, or null. */
  public static String in(ContextView context) {
    return context.getOrDefault(KEY, null);
  }
}
