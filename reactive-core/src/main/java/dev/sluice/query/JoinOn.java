package dev.sluice.query;

import dev.sluice.sql.Condition;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code ON} step of a join: {@code db.selectFrom(CITIES).leftJoin(USERS).on(eq(CITIES.userId, USERS.id))}.
 *
 * @param <J> the joined query that {@link #on} produces
 */
public final class JoinOn<J> {
  private final Function<Condition, J> next;

  JoinOn(Function<Condition, J> next) {
    this.next = next;
  }

  /** The join condition. */
  public J on(Condition condition) {
    return next.apply(Objects.requireNonNull(condition, "condition"));
  }
}
