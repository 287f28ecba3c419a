package dev.sluice.migrations.it;

/** Enum labels on a SQLite file: the table rebuild, with {@code PRAGMA foreign_key_check}. */
class SqliteEnumLabelsIT extends EnumLabelsContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }
}
