package dev.sluice.dialect.postgres;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.util.Set;
import java.util.function.Function;

/**
 * Decodes one PostgreSQL type's binary values to one Java type with a {@link PostgresBinaryValues}
 * reader, ahead of r2dbc-postgresql's own codec; text values it leaves to the driver.
 *
 * <p>r2dbc-postgresql caches which codec decodes a (type, format, Java type) when a codec is added,
 * the first {@link CodecMetadata} codec in its list winning, so this codec declares its metadata
 * and is added first. The same cache makes it the encoder of its Java type: it hands encoding to
 * the codec that did it before ({@code encoder}), so writes are unchanged. A codec with
 * {@code target} {@code Object.class} serves {@code row.get(i)} and encodes nothing.
 *
 * @param <T> the Java type read
 */
final class ExactBinaryCodec<T> implements Codec<T>, CodecMetadata {
  private static final Set<Format> BINARY = Set.of(Format.FORMAT_BINARY);

  private final PostgresqlObjectId dataType;
  private final Class<?> target;
  private final Function<ByteBuf, ? extends T> reader;
  private final Codec<?> encoder;

  /**
   * @param dataType the PostgreSQL type read
   * @param target   the Java type asked for ({@code Object.class} for {@code row.get(i)})
   * @param reader   reads one value from the binary buffer
   * @param encoder  the driver's codec that encodes {@code target} values, or null (nothing encoded)
   */
  ExactBinaryCodec(PostgresqlObjectId dataType, Class<?> target, Function<ByteBuf, ? extends T> reader, Codec<?> encoder) {
    this.dataType = dataType;
    this.target = target;
    this.reader = reader;
    this.encoder = encoder;
  }

  @Override public boolean canDecode(int type, Format format, Class<?> javaType) {
    return type == dataType.getObjectId() && format == Format.FORMAT_BINARY && javaType == target;
  }

  @Override public T decode(ByteBuf buffer, int type, Format format, Class<? extends T> javaType) {
    return buffer == null ? null : reader.apply(buffer);
  }

  @Override public boolean canEncode(Object value) {
    return encoder != null && target.isInstance(value) && encoder.canEncode(value);
  }

  @Override public boolean canEncodeNull(Class<?> javaType) {
    return encoder != null && javaType == target && encoder.canEncodeNull(javaType);
  }

  @Override public EncodedParameter encode(Object value) {
    return encoder().encode(value);
  }

  @Override public EncodedParameter encode(Object value, int type) {
    return encoder().encode(value, type);
  }

  @Override public EncodedParameter encodeNull() {
    return encoder().encodeNull();
  }

  private Codec<?> encoder() {
    if (encoder == null) {
      throw new IllegalArgumentException("Sluice's binary " + dataType + " decoder for "
          + target.getName() + " encodes no values");
    }
    return encoder;
  }

  @Override public Class<?> type() { return target; }

  @Override public Iterable<Format> getFormats() { return BINARY; }

  @Override public Iterable<? extends PostgresTypeIdentifier> getDataTypes() { return Set.of(dataType); }

  @Override public String toString() {
    return "ExactBinaryCodec[" + dataType + " -> " + target.getSimpleName() + "]";
  }
}
