package dev.sluice.dialect.mysql;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A driver row that also reads the Java types MySQL's drivers lack: a {@code UUID} from
 * {@code CHAR(36)} (or MariaDB's {@code UUID}, or 16 bytes), and an {@code OffsetDateTime} from a
 * {@code DATETIME(6)} that holds UTC, and a {@code Boolean} from an integer (r2dbc-mysql decodes one
 * only from {@code TINYINT(1)} or {@code BIT}). Every other type is read by the driver itself.
 */
final class MySqlRow implements Row {
  private final Row row;

  MySqlRow(Row row) {
    this.row = row;
  }

  @Override public RowMetadata getMetadata() { return row.getMetadata(); }

  @Override public <T> T get(int index, Class<T> type) {
    if (type == UUID.class) {
      return type.cast(uuid(row.get(index)));
    }
    if (type == OffsetDateTime.class) {
      return type.cast(utc(row.get(index, LocalDateTime.class)));
    }
    if (type == Boolean.class) {
      return type.cast(bool(row.get(index)));
    }
    return row.get(index, type);
  }

  @Override public <T> T get(String name, Class<T> type) {
    if (type == UUID.class) {
      return type.cast(uuid(row.get(name)));
    }
    if (type == OffsetDateTime.class) {
      return type.cast(utc(row.get(name, LocalDateTime.class)));
    }
    if (type == Boolean.class) {
      return type.cast(bool(row.get(name)));
    }
    return row.get(name, type);
  }

  /** A boolean from {@code TINYINT(1)}, or from an integer expression such as a comparison (1 or 0). */
  private static Boolean bool(Object stored) {
    if (stored == null || stored instanceof Boolean) {
      return (Boolean) stored;
    }
    return ((Number) stored).longValue() != 0;
  }

  private static OffsetDateTime utc(LocalDateTime stored) {
    return stored == null ? null : stored.atOffset(ZoneOffset.UTC);
  }

  static UUID uuid(Object stored) {
    if (stored == null || stored instanceof UUID) {
      return (UUID) stored;
    }
    if (stored instanceof byte[] b && b.length == 16) {
      ByteBuffer buf = ByteBuffer.wrap(b);
      return new UUID(buf.getLong(), buf.getLong());
    }
    if (stored instanceof ByteBuffer buf && buf.remaining() == 16) {
      ByteBuffer copy = buf.duplicate();
      return new UUID(copy.getLong(), copy.getLong());
    }
    return UUID.fromString(stored.toString().trim());
  }
}
