package dev.sluice.test;

import dev.sluice.Database;
import dev.sluice.schema.Table;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import reactor.core.publisher.Mono;

/**
 * The extension behind {@link SluiceTest}: a database per test class, a rolled-back transaction per
 * test, and {@code Database} parameters. It runs on the test's thread, outside any Reactor thread,
 * so it waits for the database with {@code block}.
 */
public final class SluiceExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
  private static final Duration T = Duration.ofSeconds(60);
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SluiceExtension.class);
  /** This JVM's run, in every database name, so two runs on one server never meet. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Override public void beforeAll(ExtensionContext context) throws Exception {
    SluiceTest config = config(context);
    TestDatabase made = TestDatabase.create(url(config), context.getRequiredTestClass().getSimpleName(), RUN);
    context.getStore(NS).put(TestDatabase.class, made);
    List<Table<?>> tables = tables(config);
    if (!tables.isEmpty()) {
      made.db().createTables(tables.toArray(Table<?>[]::new)).block(T);
    }
  }

  @Override public void afterAll(ExtensionContext context) {
    TestDatabase made = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
    if (made != null) {
      made.drop();
    }
  }

  @Override public void beforeEach(ExtensionContext context) {
    TestDatabase made = classDatabase(context);
    if (!config(context).rollback()) {
      context.getStore(NS).put(Database.class, made.db());
      return;
    }
    Connection c = Mono.from(made.db().connectionFactory().create()).block(T);
    Mono.from(c.beginTransaction()).block(T);
    Database lent = Database.builder().connectionFactory(new PinnedConnection(c).factory()).pooled(false)
        .dialect(made.db().dialect()).build();
    context.getStore(NS).put(Connection.class, c);
    context.getStore(NS).put(Database.class, lent);
  }

  @Override public void afterEach(ExtensionContext context) {
    Connection c = context.getStore(NS).remove(Connection.class, Connection.class);
    context.getStore(NS).remove(Database.class);
    if (c != null) {
      Mono.from(c.rollbackTransaction()).onErrorResume(e -> Mono.empty())
          .then(Mono.from(c.close())).block(T);
    }
  }

  @Override public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Database.class;
  }

  @Override public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Database db = context.getStore(NS).get(Database.class, Database.class);
    return db != null ? db : classDatabase(context).db();
  }

  private static TestDatabase classDatabase(ExtensionContext context) {
    ExtensionContext c = context;
    while (c != null) {
      TestDatabase made = c.getStore(NS).get(TestDatabase.class, TestDatabase.class);
      if (made != null) {
        return made;
      }
      c = c.getParent().orElse(null);
    }
    throw new ExtensionContextException("No @SluiceTest database for " + context.getDisplayName());
  }

  private static SluiceTest config(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    while (type != null) {
      SluiceTest t = type.getAnnotation(SluiceTest.class);
      if (t != null) {
        return t;
      }
      type = type.getEnclosingClass();
    }
    throw new ExtensionContextException("SluiceExtension needs @SluiceTest on " + context.getRequiredTestClass());
  }

  private static String url(SluiceTest config) {
    String override = System.getProperty("sluice.test.url", System.getenv("SLUICE_TEST_URL"));
    return override != null && !override.isBlank() ? override : config.url();
  }

  /** The {@code public static final Table} fields of the schema classes, in declaration order. */
  static List<Table<?>> tables(SluiceTest config) {
    List<Table<?>> tables = new ArrayList<>();
    for (Class<?> holder : config.schema()) {
      for (Field f : holder.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Table.class.isAssignableFrom(f.getType())) {
          try {
            Table<?> t = (Table<?>) f.get(null);
            if (!tables.contains(t)) {
              tables.add(t);
            }
          } catch (IllegalAccessException e) {
            throw new ExtensionContextException("Cannot read " + f + " of the @SluiceTest schema", e);
          }
        }
      }
    }
    return tables;
  }

  /** A database made for one test class: where it is, and how to get rid of it. */
  record TestDatabase(Database db, Runnable dropper) implements ExtensionContext.Store.CloseableResource {
    static TestDatabase create(String url, String testClass, String run) throws Exception {
      String name = ("sluice_test_" + run + "_" + testClass).toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9_]", "_");
      if (name.length() > 60) {
        name = name.substring(0, 60);
      }
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
        throw new ExtensionContextException("@SluiceTest makes databases on PostgreSQL, MariaDB, MySQL and "
            + "SQLite, not " + driver + " (" + url + ")");
      }
      Database admin = Database.builder().url(url).pooled(false).build();
      String quoted = postgres ? "\"" + name + "\"" : "`" + name + "`";
      String drop = "DROP DATABASE IF EXISTS " + quoted + (postgres ? " WITH (FORCE)" : "");
      // the name is made here from the run and the class name (letters, digits, _), never from input
      admin.sql(drop).execute().then(admin.sql("CREATE DATABASE " + quoted).execute()).block(T);
      ConnectionFactoryOptions own = options.mutate().option(ConnectionFactoryOptions.DATABASE, name).build();
      Database db = Database.builder().connectionFactory(io.r2dbc.spi.ConnectionFactories.get(own)).build();
      return new TestDatabase(db, () -> {
        db.close().block(T);
        admin.sql(drop).execute().block(T);
        admin.close().block(T);
      });
    }

    void drop() {
      dropper.run();
    }

    @Override public void close() {
      drop();
    }

    private static void deleteQuietly(Path dir) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException ignored) {
        // a temp directory: the OS cleans it up otherwise
      }
    }
  }
}
