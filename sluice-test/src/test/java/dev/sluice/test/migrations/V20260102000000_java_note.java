package dev.sluice.test.migrations;

import dev.sluice.Database;
import dev.sluice.migrations.runner.JavaMigration;
import reactor.core.publisher.Mono;

/** A Java migration found by package, between the SQL migrations that create {@code notes} and seed it. */
public final class V20260102000000_java_note implements JavaMigration {
  @Override public Mono<Void> up(Database db) {
    return db.sql("INSERT INTO notes (id, body) VALUES ({0}, {1})", 2, "from a Java migration").execute().then();
  }

  @Override public Mono<Void> down(Database db) {
    return db.sql("DELETE FROM notes WHERE id = {0}", 2).execute().then();
  }
}
