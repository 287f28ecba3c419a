package dev.sluice.mongo.internal;

import dev.sluice.mongo.ValueRefusedException;
import java.util.Locale;

/** Strings as MongoDB can store them: UTF-8, so a lone UTF-16 surrogate (which it would store changed) is refused. */
public final class Texts {
  private Texts() {}

  /** The text, or a {@link ValueRefusedException} when it holds a lone UTF-16 surrogate. */
  public static String checked(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ValueRefusedException("a string with a lone UTF-16 surrogate (U+" + Integer.toHexString(c)
            .toUpperCase(Locale.ROOT) + " at index " + i + ") cannot be stored: UTF-8 has no encoding for it");
      }
    }
    return v;
  }
}
