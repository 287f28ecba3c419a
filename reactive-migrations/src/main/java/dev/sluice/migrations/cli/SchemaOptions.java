package dev.sluice.migrations.cli;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.PackageScanner;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.schema.Table;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --schema} (packages or classes holding {@code public static final Table} fields, comma
 * separated) and {@code --classpath} (where to find them when the CLI runs as {@code java -jar}).
 */
final class SchemaOptions {
  @Option(names = "--schema", paramLabel = "PACKAGE|CLASS,...",
      description = "Packages (scanned with sub-packages) or classes holding the schema's public static final Table fields"
          + " (env SLUICE_SCHEMA, config key schema)")
  String schema;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Directories and jars holding the schema classes, separated by the platform's path separator (':' or ';')"
          + " (env SLUICE_CLASSPATH, config key classpath)")
  String classpath;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** The snapshot of the schema code. */
  SchemaSnapshot snapshot() {
    if (schema == null || schema.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "Missing the schema: give --schema com.acme.schema, set SLUICE_SCHEMA, or put schema=... in sluice.properties");
    }
    ClassLoader loader = loader();
    List<Table<?>> tables = new ArrayList<>();
    for (String entry : schema.split(",")) {
      String name = entry.strip();
      Class<?> k = classNamed(name, loader);
      tables.addAll(k != null ? tablesOf(k) : PackageScanner.tables(name, loader));
    }
    return CodeSnapshots.of(tables);
  }

  private ClassLoader loader() {
    ClassLoader parent = SchemaOptions.class.getClassLoader();
    if (classpath == null || classpath.isBlank()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String p : classpath.split(File.pathSeparator)) {
      if (!p.isBlank()) {
        try {
          urls.add(Path.of(p.strip()).toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("Not a class path entry: " + p, e);
        }
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  private static Class<?> classNamed(String name, ClassLoader loader) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static List<Table<?>> tablesOf(Class<?> k) {
    List<Table<?>> out = new ArrayList<>();
    for (Field f : k.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && Table.class.isAssignableFrom(f.getType())) {
        try {
          out.add((Table<?>) f.get(null));
        } catch (IllegalAccessException e) {
          throw new MigrationException("Cannot read " + k.getName() + "." + f.getName(), e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new MigrationException("No public static final Table field in class " + k.getName());
    }
    return out;
  }
}
