package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's API on SQLite (a file of this run's own, through the JDBC bridge). */
class SqliteStudioApiIT extends StudioApiContract {
  @Override Database open() {
    return StudioDatabase.sqlite();
  }
}
