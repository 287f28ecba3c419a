package dev.sluice.spi;

/**
 * Tests for the floating-point values some databases cannot keep (NaN, the infinities, -0.0), for
 * a dialect's {@link Dialect#refusal}. Each is false for anything but a {@code Double} or
 * {@code Float}, and allocates nothing.
 */
public final class SpecialValues {
  private SpecialValues() {}

  /** True for a {@code Double} or {@code Float} NaN. */
  public static boolean isNaN(Object v) {
    return v instanceof Double d ? d.isNaN() : v instanceof Float f && f.isNaN();
  }

  /** True for a {@code Double} or {@code Float} positive or negative infinity. */
  public static boolean isInfinite(Object v) {
    return v instanceof Double d ? d.isInfinite() : v instanceof Float f && f.isInfinite();
  }

  /** True for a {@code Double} or {@code Float} negative zero. */
  public static boolean isNegativeZero(Object v) {
    if (v instanceof Double d) {
      return Double.doubleToRawLongBits(d) == Long.MIN_VALUE;
    }
    return v instanceof Float f && Float.floatToRawIntBits(f) == Integer.MIN_VALUE;
  }
}
