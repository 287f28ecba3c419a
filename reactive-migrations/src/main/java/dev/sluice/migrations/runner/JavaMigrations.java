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

  /**
   * One instance (public no-argument constructor) of the {@link JavaMigration} class named
   * {@code packageOrClass}, or of every concrete one in the package of that name (and its
   * sub-packages). A name that is neither, a class that is no {@code JavaMigration} and a class
   * that cannot be made are {@link MigrationClassException}s.
   */
  static List<JavaMigration> find(String packageOrClass, ClassLoader loader) {
    Class<?> named = classNamed(packageOrClass, loader);
    if (named != null) {
      if (!JavaMigration.class.isAssignableFrom(named) || named.isInterface() || Modifier.isAbstract(named.getModifiers())) {
        throw new MigrationClassException(packageOrClass, "Class " + packageOrClass
            + " is not a Java migration: it must be a concrete class implementing " + JavaMigration.class.getName());
      }
      return List.of(create(named));
    }
    List<JavaMigration> out = new ArrayList<>();
    for (Class<?> k : PackageScanner.classes(packageOrClass, loader)) {
      if (JavaMigration.class.isAssignableFrom(k) && !k.isInterface() && !Modifier.isAbstract(k.getModifiers())) {
        out.add(create(k));
      }
    }
    if (out.isEmpty()) {
      throw new MigrationClassException(packageOrClass, "No Java migration found: " + packageOrClass
          + " is neither a JavaMigration class nor a package holding one on the class path");
    }
    return out;
  }

  private static Class<?> classNamed(String name, ClassLoader loader) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      return null;
    } catch (LinkageError e) {
      throw new MigrationClassException(name, "Cannot load Java migration class " + name + ": " + e, e);
    }
  }

  private static JavaMigration create(Class<?> k) {
    try {
      return (JavaMigration) k.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new MigrationClassException(k.getName(), "Cannot create Java migration " + k.getName()
          + ": it needs a public constructor without arguments", e);
    }
  }
}
