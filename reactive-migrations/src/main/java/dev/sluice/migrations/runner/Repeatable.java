package dev.sluice.migrations.runner;

import java.util.Locale;

/**
 * A repeatable migration: {@code repeatable/<name>.sql} in the migrations directory, SQL that can
 * run again and again (views, functions, grants: {@code CREATE OR REPLACE VIEW ...}). {@code migrate}
 * runs it, after the versioned migrations and only once none is pending, whenever its checksum
 * differs from the history's, and records it as {@code repeatable/<name>}. An optional
 * {@code repeatable/<name>.down.sql} drops what it made; {@code refresh} runs it first, so that the
 * versioned migrations' down scripts are not blocked by a view on their tables. Repeatables are not
 * in {@code sluice.sum}: editing them is their purpose, and the history's checksum tells the runner
 * to run them again.
 *
 * @param name the history name, {@code repeatable/<file name without .sql>}
 * @param up   the SQL
 * @param down the optional {@code .down.sql}, or null
 */
record Repeatable(String name, String up, String down) {
  /** The sub-directory of the migrations directory holding them, and the prefix of their history names. */
  static final String FOLDER = "repeatable";

  String checksum() {
    return MigrationFiles.checksum(up);
  }

  /** True for a history name that belongs to a repeatable migration. */
  static boolean isRepeatable(String historyName) {
    return historyName.toLowerCase(Locale.ROOT).startsWith(FOLDER + "/");
  }
}
