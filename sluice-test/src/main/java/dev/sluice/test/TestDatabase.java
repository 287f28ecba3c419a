package dev.sluice.test;

import dev.sluice.Database;
import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database made for one test class: a database created on the server of the URL (PostgreSQL,
 * MariaDB, MySQL) or a new SQLite file, reached by a {@link Database} whose connection factory is
 * built as {@code Database.builder().url(...)} builds one ({@link Dialects#connectionOptions}: on
 * PostgreSQL binary results read by Sluice's exact decoders), and dropped by {@link #drop()}.
 */
record TestDatabase(Database db, Runnable dropper) implements ExtensionContext.Store.CloseableResource {
  private static final Duration T = Duration.ofSeconds(60);

  /**
   * Creates the database {@code sluice_test_<id>_<class>} (lower case, letters, digits and {@code _},
   * at most 60 characters; {@code id} is random per test class, so two classes of one name, two
   * parallel classes and two runs on one server never meet) on the server of {@code url}.
   */
  static TestDatabase create(String url, String testClass, String id) throws IOException {
    String name = name(testClass, id);
    if (url.startsWith("r2dbc:sqlite:")) {
      Path dir = Files.createTempDirectory("sluice-test");
      Path file = dir.resolve(name + ".db");
      Database db = Database.builder().url("r2dbc:sqlite:///" + file).build();
      return new TestDatabase(db, () -> {
        db.close().block(T);
        deleteQuietly(dir);
      });
    }
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
    String driver = String.valueOf(options.getValue(ConnectionFactoryOptions.DRIVER)).toLowerCase(Locale.ROOT);
    boolean postgres = driver.equals("postgresql") || driver.equals("postgres");
    if (!postgres && !driver.equals("mariadb") && !driver.equals("mysql")) {
      throw new ExtensionConfigurationException("@SluiceTest makes databases on PostgreSQL, MariaDB, MySQL and "
          + "SQLite, not " + driver + " (" + url + ")");
    }
    Database admin = Database.builder().url(url).pooled(false).build();
    String quoted = postgres ? "\"" + name + "\"" : "`" + name + "`";
    String drop = "DROP DATABASE IF EXISTS " + quoted + (postgres ? " WITH (FORCE)" : "");
    // the name is made here from the run and the class name (letters, digits, _), never from input
    admin.sql(drop).execute().then(admin.sql("CREATE DATABASE " + quoted).execute()).block(T);
    ConnectionFactoryOptions own = options.mutate().option(ConnectionFactoryOptions.DATABASE, name).build();
    Database db = Database.builder().connectionFactory(ConnectionFactories.get(Dialects.connectionOptions(own))).build();
    return new TestDatabase(db, () -> {
      db.close().block(T);
      admin.sql(drop).execute().block(T);
      admin.close().block(T);
    });
  }

  /** The database's name for a test class and its random id. */
  static String name(String testClass, String id) {
    String name = ("sluice_test_" + id + "_" + testClass).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.length() > 60 ? name.substring(0, 60) : name;
  }

  void drop() {
    dropper.run();
  }

  @Override public void close() {
    drop();
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory: the OS cleans it up otherwise
    }
  }
}
