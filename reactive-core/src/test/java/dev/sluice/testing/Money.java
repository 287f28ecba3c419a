package dev.sluice.testing;

import dev.sluice.schema.Codec;

/** A user-defined value type stored as a bigint of cents through a codec. */
public record Money(long cents) {
  public static final Codec<Money> CODEC = Codec.of(Long.class, Money::cents, Money::new);
}
