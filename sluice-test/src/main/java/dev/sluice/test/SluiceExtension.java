package dev.sluice.test;

import dev.sluice.Database;
import dev.sluice.schema.Table;
import io.r2dbc.spi.Connection;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The extension behind {@link SluiceTest}: a database per test class (its migrations applied, then
 * its tables created), a rolled-back transaction per test, and {@code Database} parameters. It
 * runs on the test's thread, outside any Reactor thread, so it waits for the database with
 * {@code block}. It keeps nothing in static fields: each class's database lives in its JUnit
 * extension context's store, so classes run in parallel never share one.
 */
public final class SluiceExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
  private static final Duration T = Duration.ofSeconds(60);
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SluiceExtension.class);

  @Override public void beforeAll(ExtensionContext context) throws Exception {
    SluiceTest config = config(context);
    Class<?> testClass = context.getRequiredTestClass();
    boolean migrated = !config.migrations().isBlank() || config.javaMigrations().length > 0;
    if (migrated) {
      MigrationsAvailable.require(testClass.getClassLoader(), testClass);
    }
    TestDatabase made = TestDatabase.create(url(config), testClass.getSimpleName(),
        UUID.randomUUID().toString().substring(0, 8));
    context.getStore(NS).put(TestDatabase.class, made);
    if (migrated) {
      TestMigrations.apply(made.db(), config.migrations().strip(), config.javaMigrations(), testClass);
    }
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
}
