package dev.sluice.redis.internal;

import dev.sluice.error.DataException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text as the UTF-8 bytes Redis stores, refusing a string with a lone UTF-16 surrogate: Java's
 * encoder would write {@code ?} in its place, so the value would be stored changed (and two ids,
 * {@code "a\uD800"} and {@code "a?"}, would name the same key).
 */
public final class Utf8 {
  private Utf8() {}

  /** The UTF-8 bytes of {@code text}; {@code what} names it in a refusal ({@code "A String value"}). */
  public static byte[] bytes(String text, String what) {
    int bad = loneSurrogate(text);
    if (bad >= 0) {
      throw refusal(what, text, bad);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The index of the first lone surrogate of {@code text}, or -1 when it has none. */
  public static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The refusal of {@code text}, whose lone surrogate is at {@code index}; nothing was sent. */
  public static DataException refusal(String what, String text, int index) {
    return new DataException(what + " holds a lone UTF-16 surrogate (U+"
        + Integer.toHexString(text.charAt(index)).toUpperCase(Locale.ROOT) + " at index " + index
        + "), which UTF-8 cannot encode: it would be stored changed, so it is refused and nothing was sent",
        null, null, null, null);
  }
}
