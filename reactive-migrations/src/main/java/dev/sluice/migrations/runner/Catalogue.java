package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every migration a run knows, read once: the directories (for integrity and branch conflicts), the
 * versioned steps (directories and Java migrations merged in name order) and the repeatables.
 * Blocking: built on {@code Schedulers.boundedElastic()}.
 *
 * @param files       the migration directories, in name order
 * @param steps       the versioned migrations, SQL and Java, in name order
 * @param repeatables the repeatable migrations, in name order
 */
record Catalogue(List<MigrationFiles> files, List<Step> steps, List<Repeatable> repeatables) {
  Catalogue {
    files = List.copyOf(files);
    steps = List.copyOf(steps);
    repeatables = List.copyOf(repeatables);
  }

  /** Reads the directory (after checking {@code sluice.sum} unless {@code sums} is null) and merges the Java migrations of the given instances and packages. */
  static Catalogue load(MigrationDirectory directory, SumFile sums, List<JavaMigration> java, List<String> javaPackages,
      ClassLoader loader) {
    if (sums != null) {
      sums.verify();
    }
    List<MigrationFiles> files = directory.list();
    List<Step> steps = new ArrayList<>();
    files.forEach(f -> steps.add(new Step.Sql(f)));
    List<JavaMigration> all = new ArrayList<>(java);
    javaPackages.forEach(p -> all.addAll(JavaMigrations.find(p, loader)));
    Map<String, Step> byName = new LinkedHashMap<>();
    steps.forEach(s -> byName.put(s.name(), s));
    for (JavaMigration m : all) {
      Step.Java j = new Step.Java(m);
      Step clash = byName.put(j.name(), j);
      if (clash != null && !(clash instanceof Step.Java other && other.migration().getClass() == m.getClass())) {
        throw new MigrationException("Two migrations are named " + j.name() + ": " + describe(clash) + " and " + describe(j));
      }
    }
    List<Step> ordered = new ArrayList<>(byName.values());
    ordered.sort(Comparator.comparing(Step::name));
    return new Catalogue(files, ordered, directory.repeatables());
  }

  private static String describe(Step s) {
    return s instanceof Step.Java j ? "Java class " + j.migration().getClass().getName()
        : "directory " + ((Step.Sql) s).files().dir();
  }

  Map<String, Step> byName() {
    Map<String, Step> m = new LinkedHashMap<>();
    steps.forEach(s -> m.put(s.name(), s));
    return m;
  }
}
