package dev.sluice.dialect.postgres;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TimeZone;

/**
 * What Sluice adds to the options of an r2dbc-postgresql URL: binary results
 * ({@code forceBinary}, unless the URL sets it), read by {@link PostgresExactCodecs} in the
 * session zone the options give ({@code timeZone}, else the JVM's), added to any extensions given.
 * Options of another driver are returned as they are.
 */
final class PostgresConnectionOptions {
  private PostgresConnectionOptions() {}

  /** r2dbc-postgresql's option names (its {@code PostgresqlConnectionFactoryProvider}). */
  static final Option<Object> FORCE_BINARY = Option.valueOf("forceBinary");
  static final Option<Object> EXTENSIONS = Option.valueOf("extensions");
  static final Option<Object> TIME_ZONE = Option.valueOf("timeZone");

  static ConnectionFactoryOptions tune(ConnectionFactoryOptions options) {
    Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
    if (!"postgresql".equals(driver) && !"postgres".equals(driver)) {
      return options;
    }
    ConnectionFactoryOptions.Builder b = options.mutate();
    if (!options.hasOption(FORCE_BINARY)) {
      b.option(FORCE_BINARY, true);
    }
    List<Object> extensions = new ArrayList<>();
    Object given = options.getValue(EXTENSIONS);
    if (given instanceof Collection<?> c) {
      for (Object e : c) {
        if (e instanceof PostgresExactCodecs) {
          return options;  // tuned already
        }
        extensions.add(e);
      }
    }
    extensions.add(new PostgresExactCodecs(zone(options.getValue(TIME_ZONE))));
    b.option(EXTENSIONS, extensions);
    return b.build();
  }

  /** The session zone r2dbc-postgresql sets: its {@code timeZone} option, else the JVM's zone. */
  static ZoneId zone(Object option) {
    if (option instanceof TimeZone tz) {
      return tz.toZoneId();
    }
    if (option instanceof CharSequence s) {
      return TimeZone.getTimeZone(s.toString()).toZoneId();
    }
    return ZoneId.systemDefault();
  }
}
