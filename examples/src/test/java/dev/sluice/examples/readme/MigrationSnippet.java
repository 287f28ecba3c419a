package dev.sluice.examples.readme;

import dev.sluice.Database;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.runner.Reports.MigrateReport;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import java.nio.file.Path;
import java.util.List;
import reactor.core.publisher.Mono;

/** The README's migrations block, compiled against reactive-migrations' public API. */
final class MigrationSnippet {
  private MigrationSnippet() {}

  static Mono<MigrateReport> migrations(Database db) {
    // tag::migrations[]
    Migrator m = Migrator.builder(db).directory(Path.of("db/migrations")).build();
    Mono<MigrateReport> done = m.generate("add_users", CodeSnapshots.ofPackage("com.acme.schema"),
            RenameResolver.flags(List.of("users.full_name:name")), false)   // up.sql, down.sql, snapshot.json
        .then(m.migrate());                                                  // applies what is pending
    // end::migrations[]
    return done;
  }
}
