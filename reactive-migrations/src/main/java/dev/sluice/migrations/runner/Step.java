package dev.sluice.migrations.runner;

/**
 * One versioned migration as the runner sees it: a directory of SQL files or a {@link JavaMigration},
 * both ordered by name and recorded in the history with a checksum.
 */
sealed interface Step permits Step.Sql, Step.Java {
  String name();

  /** What the history records and compares. */
  String checksum();

  /** True when it can be rolled back: a SQL migration with a {@code down.sql}, every Java migration. */
  boolean reversible();

  /** A migration directory. */
  record Sql(MigrationFiles files) implements Step {
    @Override public String name() { return files.name(); }

    @Override public String checksum() { return files.checksum(); }

    @Override public boolean reversible() { return files.down() != null; }
  }

  /** A Java migration, its name read once. */
  record Java(JavaMigration migration, String name) implements Step {
    Java(JavaMigration migration) {
      this(migration, JavaMigrations.checkedName(migration));
    }

    @Override public String checksum() { return JavaMigrations.checksum(migration); }

    @Override public boolean reversible() { return true; }
  }
}
