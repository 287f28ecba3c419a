package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * Binds Java values to SQLite parameters. Integers (incl. {@code Boolean} as 1/0) bind as INTEGER, floating
 * point as REAL, {@code BigDecimal} as exact text ({@code toPlainString()}; a NUMERIC column converts it),
 * {@code BigInteger} as INTEGER when it fits 64 bits and as text otherwise, strings, enums (name) and UUIDs as
 * TEXT, {@code byte[]}/{@code ByteBuffer}/{@link Blob} as BLOB, {@link Clob} as TEXT and date/time values as
 * ISO-8601 text (see {@link Temporals}).
 */
final class ValueEncoder {

    private ValueEncoder() {
    }

    static boolean isSupported(Object value) {
        return value instanceof CharSequence || value instanceof Character || value instanceof Number
            || value instanceof Boolean || value instanceof byte[] || value instanceof ByteBuffer
            || value instanceof UUID || value instanceof Enum || value instanceof Clob || value instanceof Blob
            || Temporals.isTemporal(value);
    }

    static void bind(PreparedStatement ps, int position, Object value) throws SQLException {
        if (value == null || value == BoundNull.INSTANCE) {
            ps.setNull(position, Types.NULL);
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            ps.setString(position, value.toString());
        } else if (value instanceof Enum) {
            ps.setString(position, ((Enum<?>) value).name());
        } else if (value instanceof Boolean) {
            ps.setLong(position, (Boolean) value ? 1 : 0);
        } else if (value instanceof Double || value instanceof Float) {
            ps.setDouble(position, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            ps.setString(position, ((BigDecimal) value).toPlainString());
        } else if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            if (big.bitLength() < 64) {
                ps.setLong(position, big.longValue());
            } else {
                ps.setString(position, big.toString());
            }
        } else if (value instanceof Number) {
            ps.setLong(position, ((Number) value).longValue());
        } else if (value instanceof byte[]) {
            ps.setBytes(position, (byte[]) value);
        } else if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            ps.setBytes(position, bytes);
        } else if (Temporals.isTemporal(value)) {
            ps.setString(position, Temporals.format(value));
        } else {
            throw new IllegalArgumentException("Cannot bind a value of type " + value.getClass().getName());
        }
    }
}
