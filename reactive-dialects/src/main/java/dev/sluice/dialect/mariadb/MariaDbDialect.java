package dev.sluice.dialect.mariadb;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.dialect.mysql.MySqlDialect;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

/**
 * MariaDB 10.7 or later through org.mariadb's r2dbc-mariadb (keep it on its default text protocol:
 * with {@code useServerPrepStmts=true}, 1.4.0 loses generated keys and breaks cancelled streams).
 * Everything of {@link MySqlDialect}, plus {@code INSERT/DELETE ... RETURNING}, the native
 * {@code UUID} type and {@code LOCK IN SHARE MODE}.
 *
 * <pre>{@code
 * INSERT INTO `countries` (`name`) VALUES (?), (?) RETURNING `id`, `name`
 * SELECT `id`, `name` FROM `countries` WHERE `id` = ? LOCK IN SHARE MODE
 * }</pre>
 *
 * <p>Detected from the factory name {@code MariaDB} (r2dbc-mariadb). Through io.asyncer's
 * r2dbc-mysql a MariaDB server is named {@code MySQL}, which picks {@link MySqlDialect}; to get this
 * one instead, name it: {@code Database.builder().connectionFactory(cf).dialect(Dialects.named("mariadb"))}.
 *
 * <p>MariaDB has no {@code UPDATE ... RETURNING}: {@code update(t)...returning()} is rejected with
 * {@link UnsupportedByDialectException} when rendered.
 */
public class MariaDbDialect extends MySqlDialect {
  /** {@code KILL QUERY} of the session; r2dbc-mariadb knows its id, so no round trip is needed. */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return reactor.core.publisher.Mono.defer(() -> {
      dev.sluice.spi.StatementCanceller known;
      try {
        known = MariaDbCancel.of(connection, unpooled);
      } catch (NoClassDefFoundError noDriver) {
        known = null; // r2dbc-mariadb is not on the class path: r2dbc-mysql's connection
      }
      return known != null ? reactor.core.publisher.Mono.just(known) : super.canceller(connection, unpooled);
    });
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .upsertStyle(Capabilities.UpsertStyle.ON_DUPLICATE_KEY)
      .nullsOrdering(false)
      .nativeEnums(true)
      .maxBindParameters(65535)
      .build();

  @Override public String name() { return "mariadb"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "MariaDB".equalsIgnoreCase(metadata.getName());
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new MariaDbSelects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new MariaDbWrites(this);
  }

  /** MariaDB 10.7 has a native {@code UUID} type. */
  @Override protected String uuidTypeName() {
    return "UUID";
  }
}
