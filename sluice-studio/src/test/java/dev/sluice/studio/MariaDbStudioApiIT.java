package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's API on MariaDB (a database of this run's own on 127.0.0.1:3306, org.mariadb's r2dbc-mariadb). */
class MariaDbStudioApiIT extends StudioApiContract {
  @Override Database open() {
    return StudioDatabase.mariadb("sluice_studio_api");
  }
}
