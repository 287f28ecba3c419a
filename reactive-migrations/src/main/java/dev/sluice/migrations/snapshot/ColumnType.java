package dev.sluice.migrations.snapshot;

import dev.sluice.schema.SqlKind;
import java.util.Objects;

/**
 * A column's type as a portable kind plus its size: {@code VARCHAR(256)} is
 * {@code new ColumnType(VARCHAR, 256, 0, 0, null)}. Auto-increment is not a kind here but
 * {@link ColumnSnapshot#identity()}: a {@code serial} column is an {@code INTEGER} with identity.
 *
 * @param kind      the portable type family (never {@code SERIAL} or {@code BIGSERIAL})
 * @param length    varchar/char length, or 0
 * @param precision decimal precision, or 0
 * @param scale     decimal scale, or 0
 * @param name      the SQL name of an enum or custom type, or null
 */
public record ColumnType(SqlKind kind, int length, int precision, int scale, String name) {
  public ColumnType {
    Objects.requireNonNull(kind, "kind");
    if (kind.isGenerated()) {
      throw new IllegalArgumentException("A snapshot type is never " + kind
          + ": use INTEGER or BIGINT with identity = true");
    }
  }

  /** A type without size or name. */
  public static ColumnType of(SqlKind kind) {
    return new ColumnType(kind, 0, 0, 0, null);
  }

  /** True when a value of this type may not fit {@code narrower} (a shorter varchar, a smaller number...). */
  public boolean isNarrowedBy(ColumnType narrower) {
    if (kind != narrower.kind) {
      return !widens(kind, narrower.kind);
    }
    return switch (kind) {
      case VARCHAR, CHAR -> narrower.length < length;
      case DECIMAL -> narrower.precision - narrower.scale < precision - scale || narrower.scale < scale;
      default -> false;
    };
  }

  private static boolean widens(SqlKind from, SqlKind to) {
    return switch (from) {
      case SMALLINT -> to == SqlKind.INTEGER || to == SqlKind.BIGINT;
      case INTEGER -> to == SqlKind.BIGINT;
      case REAL -> to == SqlKind.DOUBLE;
      case VARCHAR, CHAR -> to == SqlKind.TEXT;
      case JSON -> to == SqlKind.JSONB || to == SqlKind.TEXT;
      default -> false;
    };
  }

  @Override public String toString() {
    return switch (kind) {
      case VARCHAR, CHAR -> kind + "(" + length + ")";
      case DECIMAL -> kind + "(" + precision + ", " + scale + ")";
      case ENUM, CUSTOM -> kind + " " + name;
      default -> kind.toString();
    };
  }
}
