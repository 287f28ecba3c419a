package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's page in headless chromium on PostgreSQL (a database of this run's own on 127.0.0.1:5432). */
class PostgresStudioBrowserIT extends StudioBrowserContract {
  @Override Database open() {
    return StudioDatabase.postgres("sluice_studio_browser");
  }

  @Override String name() {
    return "postgres";
  }
}
