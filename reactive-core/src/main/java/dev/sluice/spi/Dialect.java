package dev.sluice.spi;

import dev.sluice.error.SluiceException;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.List;

/**
 * A database as Sluice sees it: its name, capabilities, identifiers and types, how a statement is
 * rendered (text and binds), its DDL, and how its errors are classified. Implementations are
 * stateless and thread-safe, registered in {@code META-INF/services/dev.sluice.spi.Dialect}, and
 * normally extend {@link StandardDialect}, whose renderer parts a dialect overrides where it
 * differs. The renderer itself (the visitor over the syntax tree) is not part of this interface.
 */
public interface Dialect {
  /** A short name, such as {@code postgresql}. */
  String name();

  /** What this database can do. */
  Capabilities capabilities();

  /** True when a connection factory with this metadata speaks this dialect. */
  boolean accepts(ConnectionFactoryMetadata metadata);

  /** Renders a statement to SQL text and binds in one pass. */
  RenderedSql render(Statement statement);

  /**
   * Collects the binds of {@code statement} in the order {@link #render} emits them, without
   * building text: used when the SQL for the statement's shape is already cached.
   */
  List<Bind> binds(Statement statement);

  /** Quotes an identifier. */
  String quote(String identifier);

  /**
   * A table's name as written in statements: {@code "events"}, or {@code "audit"."events"} for a
   * table declared in a {@link dev.sluice.schema.SqlSchema}. A dialect that has no schemas throws
   * {@link dev.sluice.error.UnsupportedByDialectException} for the latter.
   */
  default String qualifiedName(Table<?> table) {
    return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
  }

  /** The SQL type of a column of {@code type} in this database, e.g. {@code character varying(256)}. */
  String typeName(DataType<?> type);

  /** The DDL statements that create a table (and any types it needs), in order. */
  List<String> createTable(Table<?> table);

  /** The DDL statements that drop a table if it exists (and the types only it used). */
  List<String> dropTable(Table<?> table);

  /**
   * True when {@code error} means the connection is gone (the pool must replace it): SQLSTATE class
   * 08, a non-transient resource error without an error number (a closed connection), an I/O error
   * from the transport. A dialect adds its own codes (PostgreSQL's 57P01..03).
   */
  default boolean isConnectionLost(Throwable error) {
    return ErrorTranslator.connectionLost(error, state -> false);
  }

  /**
   * Turns a driver error into Sluice's typed exception, naming the SQL that failed.
   *
   * @param error       what the driver threw
   * @param sql         the statement that failed
   * @param revealBinds whether bound values may appear in the message (off by default)
   */
  SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds);

  /**
   * How to cancel, from outside, a statement running on {@code connection} (for timeouts); the
   * default cannot, and a timed-out statement then runs on until it ends by itself. Prepared before
   * the timed work starts: it may ask the connection for its session id.
   *
   * @param unpooled a factory of fresh connections to the same database, for a {@code KILL QUERY}
   */
  default reactor.core.publisher.Mono<StatementCanceller> canceller(io.r2dbc.spi.Connection connection,
      io.r2dbc.spi.ConnectionFactory unpooled) {
    return reactor.core.publisher.Mono.just(StatementCanceller.NONE);
  }

  /**
   * The row Sluice's readers see. A dialect whose driver lacks a Java type Sluice reads (for
   * example {@code UUID} on r2dbc-mysql, or {@code OffsetDateTime} on r2dbc-mariadb) wraps the
   * driver's row to convert what the driver does return; the default is the row itself.
   */
  default io.r2dbc.spi.Row adaptRow(io.r2dbc.spi.Row row) {
    return row;
  }

  /**
   * Whether {@code error} is how this dialect's typed JSON path reads fail on a value of another
   * JSON type (MySQL's and MariaDB's scalar subquery of two rows, error 1242; SQLite's bad JSON path
   * naming the value; SQL Server's failed conversion naming it). Sluice then raises a
   * {@link dev.sluice.error.JsonTypeMismatchException} naming the statement's typed paths. The
   * default: never (a database whose casts fail with a data exception of their own).
   */
  default boolean isJsonTypeMismatch(Throwable error) {
    return false;
  }

  /**
   * Why this database would store {@code driverValue} changed (or fail on it with an untyped
   * error), or null when it keeps the value exactly. Sluice asks before a statement is sent, for
   * every bound value that is not a string, and for a string that holds a NUL character (Sluice
   * itself refuses strings with a lone UTF-16 surrogate on every database), and refuses a
   * value with a reason with a {@link dev.sluice.error.DataException} naming its column, e.g. SQLite:
   * {@code "NaN, which SQLite stores as NULL"}. Called on the hot path: no allocation when the
   * value is fine.
   */
  default String refusal(Object driverValue) {
    return null;
  }
  /**
   * The options to open connections with, given those of an R2DBC URL; Sluice asks every dialect
   * (in turn) before it builds a connection factory from a URL ({@link Dialects#connect}). A
   * dialect adds what its driver needs to read values fast and exactly, and leaves alone an
   * option the URL sets itself; the default returns {@code options} unchanged. PostgreSQL, for
   * example, asks for binary results and registers exact decoders for them.
   */
  default io.r2dbc.spi.ConnectionFactoryOptions connectionOptions(io.r2dbc.spi.ConnectionFactoryOptions options) {
    return options;
  }

  /**
   * Prepares a SELECT that Sluice rendered with no bound value and runs without a fetch size, just
   * before it is executed. A driver may run such a statement another way than one with binds
   * (r2dbc-postgresql uses the simple query protocol, whose rows are always text); PostgreSQL asks
   * for the extended protocol, so a connection with binary results gets them for it too. The
   * default does nothing. Never called for raw SQL, which may hold several statements.
   */
  default void prepareUnboundRead(io.r2dbc.spi.Statement statement) {
  }

  /**
   * Prepares a read whose result is small by construction and that runs without a fetch size,
   * just before it is executed (after {@link #prepareUnboundRead}): a count, or a SELECT with a
   * bound {@code LIMIT} of at most 1,000 rows, as {@code fetchOne()}, {@code fetchFirst()},
   * {@code exists()}, {@code count()} and a page of {@code paginate} run. A driver that reads
   * by cursor may be told to read such a result in one execution; PostgreSQL asks r2dbc-vertx for
   * every row at once ({@code fetchSize(Integer.MAX_VALUE)}), so the read needs neither a cursor
   * nor, outside a transaction, one of the driver's own. The default does nothing.
   */
  default void prepareBoundedRead(io.r2dbc.spi.Statement statement) {
  }
}
