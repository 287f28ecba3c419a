package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's page in headless chromium on a SQLite file of this run's own. */
class SqliteStudioBrowserIT extends StudioBrowserContract {
  @Override Database open() {
    return StudioDatabase.sqlite();
  }

  @Override String name() {
    return "sqlite";
  }
}
