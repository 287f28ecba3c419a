package dev.sluice.migrations.cli;

import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.studio.Studio;
import dev.sluice.studio.StudioServer;
import dev.sluice.studio.StudioTable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice studio}: {@code sluice-studio}'s local web page over the database of {@code --url},
 * listing the tables of {@code --schema}, or, without it, those the database holds (introspected).
 * Read-only unless {@code --write}; listens on 127.0.0.1 (or another loopback address) until stopped.
 *
 * <pre>
 * sluice studio --url r2dbc:sqlite:///app.db                   # http://127.0.0.1:7878/, read-only
 * sluice studio --url r2dbc:postgresql://localhost/app --schema com.acme.schema --classpath target/classes --write
 * </pre>
 */
@Command(name = "studio", description = "Serve a local web page to browse the database's rows (and, with --write, edit them).")
final class StudioCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin SchemaOptions schema;
  @Mixin ClasspathOptions classpath;
  @Mixin OutputOptions output;

  @Option(names = "--port", defaultValue = "" + Studio.DEFAULT_PORT, paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = Studio.DEFAULT_HOST, paramLabel = "ADDRESS",
      description = "Loopback address to listen on: 127.0.0.1, ::1 or localhost (default: ${DEFAULT-VALUE});"
          + " the studio has no login, so any other address is refused")
  String host;

  @Option(names = "--write", description = "Allow editing rows (each edit in a transaction; a row changed since"
      + " the page read it is reported, not overwritten). Without it the studio is read-only.")
  boolean write;

  @Spec CommandSpec spec;

  @Override public Integer call() {
    return database.withDatabase(db -> classpath.withLoader(loader -> {
      List<StudioTable> tables = schema.given()
          ? schema.tables(loader).stream().map(StudioTable::of).toList()
          : StudioTables.of(Introspector.forDialect(db.dialect().name()).snapshot(db, Set.of()).block(Duration.ofMinutes(5)));
      Studio studio;
      try {
        studio = Studio.of(db, tables).writable(write).host(host).port(port);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--host/--port: " + e.getMessage());
      }
      StudioServer server = studio.start().block(Duration.ofSeconds(30));
      try {
        Console console = output.console();
        if (output.json) {
          console.out().println(Json.object().put("url", server.url()).put("writable", server.writable())
              .put("tables", tables.stream().map(StudioTable::name).toList()));
        } else {
          console.line("@|bold,green Studio|@ at " + server.url() + " (" + (write ? "@|red editing enabled|@" : "read-only")
              + ", " + tables.size() + " tables); stop it with Ctrl-C");
        }
        console.out().flush();
        server.onClose().block();
        return SluiceCli.OK;
      } finally {
        server.close();
      }
    }));
  }
}
