package dev.sluice.migrations.snapshot;

import dev.sluice.migrations.MigrationException;
import dev.sluice.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the schema tables of a package on the class path: every {@code public static final} field
 * whose value is a {@link Table}, in every class of the package and its sub-packages (nested
 * classes included), in directories and jars.
 *
 * <p>Fields, not {@code Table} subclasses, because a table instance is what queries use
 * ({@code COUNTRIES.id}), and because a subclass may exist only as the shape of a common table
 * or a derived table, which is no stored table. Aliases ({@code as("x")}) and derived tables are
 * skipped. Keep only schema tables in the package: a {@code WITH} shape held in a static field
 * there would be taken for one. Classes are loaded (and so initialised) to read the fields.
 */
public final class PackageScanner {
  private PackageScanner() { }

  /** The tables of {@code packageName}, in class-name then field-declaration order. */
  public static List<Table<?>> tables(String packageName, ClassLoader loader) {
    List<Table<?>> out = new ArrayList<>();
    Map<Table<?>, Boolean> seen = new IdentityHashMap<>();
    for (String className : classNames(packageName, loader)) {
      Class<?> k;
      try {
        k = Class.forName(className, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new MigrationException("Cannot load " + className + " while scanning " + packageName, e);
      }
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)
            && Table.class.isAssignableFrom(f.getType()) && Modifier.isPublic(k.getModifiers())) {
          try {
            Table<?> t = (Table<?>) f.get(null);
            if (t != null && t.alias() == null && t.source() == null && seen.put(t, Boolean.TRUE) == null) {
              out.add(t);
            }
          } catch (IllegalAccessException e) {
            throw new MigrationException("Cannot read " + className + "." + f.getName(), e);
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new MigrationException("No public static final Table field found in package " + packageName);
    }
    return out;
  }

  /**
   * Every class of {@code packageName} and its sub-packages (nested ones included), loaded and
   * initialised, in class-name order: the Java migrations and seeders of a package are found this way.
   */
  public static List<Class<?>> classes(String packageName, ClassLoader loader) {
    List<Class<?>> out = new ArrayList<>();
    for (String className : classNames(packageName, loader)) {
      try {
        out.add(Class.forName(className, true, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new MigrationException("Cannot load " + className + " while scanning " + packageName, e);
      }
    }
    return out;
  }

  private static TreeSet<String> classNames(String packageName, ClassLoader loader) {
    String path = packageName.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(path))) {
        if ("file".equals(url.getProtocol())) {
          Path root = Path.of(url.toURI());
          try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
              String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
              names.add(packageName + "." + rel.substring(0, rel.length() - 6).replace('/', '.'));
            });
          }
        } else if ("jar".equals(url.getProtocol())) {
          JarURLConnection c = (JarURLConnection) url.openConnection();
          c.setUseCaches(false);
          try (JarFile jar = c.getJarFile()) {
            jar.stream().map(e -> e.getName())
                .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new MigrationException("Cannot scan package " + packageName, e);
    }
    names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
    return names;
  }
}
