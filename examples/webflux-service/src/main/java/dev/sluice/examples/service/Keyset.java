package dev.sluice.examples.service;

import java.util.List;
import java.util.function.Function;

/**
 * A keyset page: the items, and the key to pass as {@code after} for the next page (null on the
 * last page).
 */
public record Keyset<T>(List<T> items, Long next) {

  /** The page of {@code items} asked for with {@code size}; a full page has a next key. */
  static <T> Keyset<T> of(List<T> items, int size, Function<T, Long> key) {
    return new Keyset<>(items, items.size() == size ? key.apply(items.get(items.size() - 1)) : null);
  }
}
