package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import io.r2dbc.spi.ConnectionFactoryMetadata;
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
}
