package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.snapshot.PackageScanner;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names, checksums and discovery of {@link JavaMigration}s. */
final class JavaMigrations {
  private static final Pattern CLASS_NAME = Pattern.compile("V(\\d{14}_[a-z0-9_]+)");
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_]*");

  private JavaMigrations() { }

  /** {@code V20260102000000_backfill} gives {@code 20260102000000_backfill}; other class names must override {@code name()}. */
  static String nameOf(Class<?> k) {
    Matcher m = CLASS_NAME.matcher(k.getSimpleName());
    if (!m.matches()) {
      throw new MigrationException("Java migration " + k.getName() + " is not named V<yyyyMMddHHmmss>_<lower-case name>"
          + " (such as V20260102000000_backfill_names): rename it or override name()");
    }
    return m.group(1);
  }

  /** SHA-256 over {@code java:<class name>:<version>}, what the history records. */
  static String checksum(JavaMigration m) {
    return MigrationFiles.checksum("java:" + m.getClass().getName() + ":" + m.version());
  }

  /** The migration's name, checked: letters, digits and {@code _}, so that it can also be a directory's name. */
  static String checkedName(JavaMigration m) {
    String name = m.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new MigrationException("Java migration " + m.getClass().getName() + " has an unusable name: " + name);
    }
    return name;
  }

  /** One instance (public no-argument constructor) of every concrete {@link JavaMigration} class in {@code packageName}. */
  static List<JavaMigration> inPackage(String packageName, ClassLoader loader) {
    List<JavaMigration> out = new ArrayList<>();
    for (Class<?> k : PackageScanner.classes(packageName, loader)) {
      if (JavaMigration.class.isAssignableFrom(k) && !k.isInterface() && !Modifier.isAbstract(k.getModifiers())) {
        try {
          out.add((JavaMigration) k.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
          throw new MigrationException("Cannot create Java migration " + k.getName()
              + ": it needs a public constructor without arguments", e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new MigrationException("No JavaMigration class found in package " + packageName);
    }
    return out;
  }
}
