package dev.sluice.dialect.mysql;

import dev.sluice.error.SluiceException;
import dev.sluice.schema.DataType;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Row;
import java.util.List;

/**
 * MySQL 8 through io.asyncer's r2dbc-mysql: backtick quoting, {@code ?} markers,
 * {@code LIMIT ? OFFSET ?}, {@code ON DUPLICATE KEY UPDATE} upserts, native {@code ENUM('a', 'b')}
 * columns, {@code AUTO_INCREMENT} keys; up to 65535 binds per statement.
 *
 * <pre>{@code
 * SELECT `id`, `name` FROM `cities` WHERE `name` LIKE CONVERT(? USING utf8mb4) COLLATE utf8mb4_bin
 *   ORDER BY ISNULL(`name`), `name` LIMIT ? OFFSET ?
 * }</pre>
 *
 * <p>Where MySQL differs from PostgreSQL, it renders SQL that keeps PostgreSQL's meaning:
 * <ul>
 *   <li>{@code like} is case-sensitive: MySQL's default collations ignore case, so the pattern is
 *       compared under {@code utf8mb4_bin}; {@code ilike} is {@code LOWER(a) LIKE LOWER(b)}.</li>
 *   <li>{@code ||} is OR in MySQL: concatenation is {@code CONCAT(a, b)}; {@code length} counts
 *       characters ({@code CHAR_LENGTH}), not bytes.</li>
 *   <li>{@code NULLS FIRST/LAST} is emulated with an {@code ISNULL(x)} term before {@code x}.</li>
 *   <li>An offset without a limit is {@code LIMIT 18446744073709551615 OFFSET ?}.</li>
 *   <li>There is no RETURNING: {@code insertInto(t).values(r).returning()} inserts each row with
 *       {@code returnGeneratedValues(key)} ({@code LAST_INSERT_ID()}) and reads it back by primary
 *       key on the same connection. {@code update/delete ... returning()} are unsupported.</li>
 *   <li>Types: {@code BOOLEAN} is {@code TINYINT(1)}, {@code real} is {@code FLOAT}, {@code text}
 *       is {@code LONGTEXT}, bytes {@code LONGBLOB}, JSON {@code JSON}, timestamps
 *       {@code DATETIME(6)}. A UUID is {@code CHAR(36)} text (the driver has no UUID codec). A
 *       {@code timestamptz} is a {@code DATETIME(6)} holding UTC: an {@code OffsetDateTime} is
 *       converted to UTC when bound and read back at offset UTC, whatever the session time zone;
 *       a {@code CURRENT_TIMESTAMP}/{@code now()} default on it becomes {@code (UTC_TIMESTAMP(6))}.</li>
 *   <li>Indexes are declared inside {@code CREATE TABLE} (MySQL has no {@code CREATE INDEX IF NOT
 *       EXISTS}); partial indexes are unsupported.</li>
 *   <li>Errors are classified by MySQL error number ({@code R2dbcException.getErrorCode()}): 1062
 *       unique, 1451/1452 foreign key, 1048/1364 not null, 3819 (MariaDB 4025) check, 1213
 *       deadlock, 1406 value too long, 1264/1265/1292/1366/1367 refused value (its column named
 *       from the message); 1205 (lock wait timeout) stays a plain {@link SluiceException}. The table comes
 *       from the message or the failed statement; a duplicate value is redacted from the message
 *       unless bound values may be revealed.</li>
 * </ul>
 */
public class MySqlDialect extends StandardDialect {
  /** {@code KILL QUERY} of the session, whose id is asked of the connection first. */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return KillQuery.asking(connection, unpooled);
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .upsertStyle(Capabilities.UpsertStyle.ON_DUPLICATE_KEY)
      .nullsOrdering(false)
      .nativeEnums(true)
      .maxBindParameters(65535)
      .build();

  @Override public String name() { return "mysql"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "MySQL".equalsIgnoreCase(metadata.getName());
  }

  /** Backticks, doubling an embedded backtick. */
  @Override public String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  /** Reads UUIDs from text and {@code OffsetDateTime}s from UTC {@code DATETIME(6)}. */
  @Override public Row adaptRow(Row row) {
    return new MySqlRow(row);
  }

  /**
   * MySQL and MariaDB have no NaN or infinity in FLOAT and DOUBLE (the drivers send them as the bare
   * words {@code NaN} and {@code Infinity}, a syntax error), and store -0.0 as 0.0: refused before
   * sending.
   */
  @Override public String refusal(Object driverValue) {
    if (dev.sluice.spi.SpecialValues.isNaN(driverValue) || dev.sluice.spi.SpecialValues.isInfinite(driverValue)) {
      return driverValue + ", which " + name() + " cannot store in a DOUBLE";
    }
    return dev.sluice.spi.SpecialValues.isNegativeZero(driverValue)
        ? "-0.0, which " + name() + " stores as 0.0" : null;
  }

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER, SERIAL -> "INT";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR(" + t.length() + ")";
      case CHAR -> "CHAR(" + t.length() + ")";
      case TEXT -> "LONGTEXT";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case REAL, DOUBLE -> "DOUBLE"; // a FLOAT column reads back rounded to 6 digits (1.17549E-38)
      case DATE -> "DATE";
      case TIME -> "TIME(6)";
      case TIMESTAMP, TIMESTAMPTZ -> "DATETIME(6)";
      case UUID -> uuidTypeName();
      case JSON, JSONB -> "JSON";
      case BYTES -> "LONGBLOB";
      case ENUM -> enumTypeName(t);
      case CUSTOM -> t.sqlName();
    };
  }

  /** The column type of a UUID: {@code CHAR(36)}. */
  protected String uuidTypeName() {
    return "CHAR(36)";
  }

  private String enumTypeName(DataType<?> t) {
    StringBuilder s = new StringBuilder("ENUM(");
    List<String> labels = t.enumType().labels();
    for (int i = 0; i < labels.size(); i++) {
      s.append(i > 0 ? ", " : "").append(MySqlDdl.labelLiteral(labels.get(i)));
    }
    return s.append(')').toString();
  }

  @Override protected dev.sluice.spi.JsonRenderer newJsonRenderer() {
    return new MySqlJson(this);
  }

  @Override protected ExpressionRenderer newExpressionRenderer() {
    return new MySqlExpressions(this);
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new MySqlSelects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new MySqlWrites(this);
  }

  @Override protected DdlRenderer newDdlRenderer() {
    return new MySqlDdl(this);
  }

  /** A typed JSON path read met a value of another type: its scalar subquery of two rows (error 1242). */
  @Override public boolean isJsonTypeMismatch(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof io.r2dbc.spi.R2dbcException r && r.getErrorCode() == 1242) {
        return true;
      }
    }
    return false;
  }

  @Override protected ErrorClassifier newErrorClassifier() {
    return new MySqlClassifier();
  }
}
