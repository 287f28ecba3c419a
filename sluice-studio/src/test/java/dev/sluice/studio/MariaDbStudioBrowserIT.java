package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's page in headless chromium on MariaDB (a database of this run's own on 127.0.0.1:3306, org.mariadb's r2dbc-mariadb). */
class MariaDbStudioBrowserIT extends StudioBrowserContract {
  @Override Database open() {
    return StudioDatabase.mariadb("sluice_studio_browser");
  }

  @Override String name() {
    return "mariadb";
  }
}
