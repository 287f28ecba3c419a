package dev.sluice.migrations.cli;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.PackageScanner;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.schema.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema code named by {@code --schema}: comma-separated classes holding
 * {@code public static final Table} fields, or packages scanned for them (with sub-packages).
 * Used by the CLI and the Maven plugin.
 *
 * <pre>{@code
 * SchemaSnapshot code = SchemaClasses.snapshot("com.acme.schema,com.acme.audit.AuditTables", loader);
 * }</pre>
 */
public final class SchemaClasses {
  private SchemaClasses() { }

  /** The snapshot of the tables of {@code classesOrPackages}, found through {@code loader}. */
  public static SchemaSnapshot snapshot(String classesOrPackages, ClassLoader loader) {
    return CodeSnapshots.of(tables(classesOrPackages, loader));
  }

  /**
   * The snapshot of the tables and views of {@code classesOrPackages}, found through {@code loader},
   * as {@code dialect} writes them (view definitions, typed generated expressions).
   */
  public static SchemaSnapshot snapshot(String classesOrPackages, ClassLoader loader, dev.sluice.spi.Dialect dialect) {
    return CodeSnapshots.of(dialect, tables(classesOrPackages, loader));
  }

  /**
   * The tables of {@code classesOrPackages}, found through {@code loader}: each class's
   * {@code public static final Table} fields, each package's as {@link PackageScanner#tables} finds them.
   */
  public static List<Table<?>> tables(String classesOrPackages, ClassLoader loader) {
    List<Table<?>> tables = new ArrayList<>();
    for (String entry : classesOrPackages.split(",")) {
      String name = entry.strip();
      if (name.isEmpty()) {
        continue;
      }
      Class<?> k = classNamed(name, loader);
      tables.addAll(k != null ? tablesOf(k) : PackageScanner.tables(name, loader));
    }
    return tables;
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
