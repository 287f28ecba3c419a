package dev.sluice.studio;

import dev.sluice.Database;

/** The studio's API on PostgreSQL (a database of this run's own on 127.0.0.1:5432). */
class PostgresStudioApiIT extends StudioApiContract {
  @Override Database open() {
    return StudioDatabase.postgres("sluice_studio_api");
  }
}
