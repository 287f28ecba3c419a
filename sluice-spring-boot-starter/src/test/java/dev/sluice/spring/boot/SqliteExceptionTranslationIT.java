package dev.sluice.spring.boot;

import dev.sluice.Database;
import java.util.UUID;

/** {@link ExceptionTranslationContract} on an embedded SQLite (a shared in-memory database per test). */
class SqliteExceptionTranslationIT extends ExceptionTranslationContract {
  private final String url = "r2dbc:sqlite:memory:///translate_" + UUID.randomUUID().toString().replace("-", "");

  @Override
  Database open() {
    return Database.builder().url(url).build();
  }
}
