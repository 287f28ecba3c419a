package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the registered {@link Dialect}s with {@link ServiceLoader}. */
public final class Dialects {
  private Dialects() {}

  /** Every dialect on the class path. */
  public static List<Dialect> all() {
    return ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
  }

  /** The dialect that accepts a connection factory's metadata. */
  public static Dialect detect(ConnectionFactoryMetadata metadata) {
    for (Dialect d : all()) {
      if (d.accepts(metadata)) {
        return d;
      }
    }
    throw new UnsupportedByDialectException("No Sluice dialect on the class path accepts a "
        + "connection factory named '" + metadata.getName() + "'; add reactive-dialects and the "
        + "driver, or pass a dialect to Database.builder()");
  }

  /** The dialect with this name (case-insensitive). */
  public static Dialect named(String name) {
    for (Dialect d : all()) {
      if (d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new UnsupportedByDialectException("No Sluice dialect named '" + name + "'; known: "
        + all().stream().map(Dialect::name).toList());
  }
  /**
   * The connection factory for an R2DBC URL, with the options every dialect on the class path adds
   * ({@link Dialect#connectionOptions}); what {@code Database.connect(url)} uses. On PostgreSQL:
   * binary results, read by Sluice's exact decoders, unless the URL says {@code forceBinary=false}.
   *
   * <pre>{@code
   * ConnectionFactory f = Dialects.connect("r2dbc:postgresql://postgres@127.0.0.1:5432/test");
   * }</pre>
   */
  public static ConnectionFactory connect(String url) {
    return ConnectionFactories.get(connectionOptions(ConnectionFactoryOptions.parse(url)));
  }

  /** {@code options} with what every dialect on the class path adds ({@link Dialect#connectionOptions}). */
  public static ConnectionFactoryOptions connectionOptions(ConnectionFactoryOptions options) {
    ConnectionFactoryOptions out = options;
    for (Dialect d : all()) {
      out = d.connectionOptions(out);
    }
    return out;
  }
}
