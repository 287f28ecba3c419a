package dev.sluice.internal;

import dev.sluice.observe.QueryObserver;
import java.util.List;

/**
 * What a {@code Database} tells its observers, as configured on its builder.
 *
 * @param observers   in the order they were added; empty for none (then nothing is observed, at no cost)
 * @param database    the name events carry; null for the dialect's name
 * @param revealBinds whether events carry bound values (otherwise {@code "?"} each)
 */
public record Observing(List<QueryObserver> observers, String database, boolean revealBinds) {
  /** No observers. */
  public static final Observing NONE = new Observing(List.of(), null, false);

  public Observing {
    observers = List.copyOf(observers);
  }
}
