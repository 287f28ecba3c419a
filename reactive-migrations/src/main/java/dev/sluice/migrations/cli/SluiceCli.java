package dev.sluice.migrations.cli;

import dev.sluice.Database;
import dev.sluice.migrations.diff.DataLossException;
import dev.sluice.migrations.diff.RenameQuestionsException;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.runner.BranchConflictException;
import dev.sluice.migrations.runner.ChecksumMismatchException;
import dev.sluice.migrations.runner.IntegrityException;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.PartialMigrationException;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code sluice} command line over the {@link Migrator} API: {@code generate}, {@code migrate},
 * {@code status}, {@code rollback}, {@code new}, {@code check}, {@code rehash}. Exit codes scripts can rely on:
 * 0 done, 1 failed, 2 bad usage, 3 open rename questions, 4 data loss not allowed, 5 an applied
 * migration changed (checksum), 6 a migration failed partway on a database without transactional
 * DDL, 7 the directory does not match {@code sluice.sum}, 8 branch conflicts (or, from
 * {@code check}, any other finding against the database).
 *
 * <pre>
 * sluice generate --url r2dbc:sqlite:///app.db --schema com.acme.schema add_users --rename users.full_name:name
 * sluice migrate  --url r2dbc:sqlite:///app.db --json
 * sluice status   --url r2dbc:sqlite:///app.db
 * sluice check    --json                       (the directory only; add --url to compare with a database)
 * </pre>
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0-SNAPSHOT",
    subcommands = {SluiceCli.Generate.class, SluiceCli.Migrate.class, SluiceCli.Status.class, SluiceCli.Rollback.class, SluiceCli.New.class,
        CheckCommand.class, RehashCommand.class, SeedCommand.class, RefreshCommand.class},
    description = "Schema migrations for Sluice: generate them from schema code, apply them, inspect them.")
public final class SluiceCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int OPEN_QUESTIONS = 3;
  static final int DATA_LOSS = 4;
  static final int CHECKSUM = 5;
  static final int PARTIAL = 6;
  static final int INTEGRITY = 7;
  static final int CONFLICT = 8;

  private final BufferedReader in;
  private final boolean terminal;

  SluiceCli(InputStream in, boolean terminal) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.terminal = terminal;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.console() != null));
  }

  /** Runs the command line with these streams; {@code terminal} enables the rename prompt. */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
    CommandLine cl = new CommandLine(new SluiceCli(in, terminal));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println(e.getMessage());
      return exitCode(e);
    });
    return cl.execute(args);
  }

  static int exitCode(Throwable e) {
    if (e instanceof RenameQuestionsException) {
      return OPEN_QUESTIONS;
    }
    if (e instanceof DataLossException) {
      return DATA_LOSS;
    }
    if (e instanceof ChecksumMismatchException) {
      return CHECKSUM;
    }
    if (e instanceof PartialMigrationException) {
      return PARTIAL;
    }
    if (e instanceof IntegrityException) {
      return INTEGRITY;
    }
    if (e instanceof BranchConflictException) {
      return CONFLICT;
    }
    return e instanceof IllegalArgumentException ? USAGE : FAILED;
  }

  /** Options every command takes. */
  static class Common {
    @Option(names = "--url", required = true, description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db")
    String url;

    @Option(names = "--dir", defaultValue = "db/migrations", description = "Migrations directory (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--json", description = "Print the report as JSON")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    <T> T withMigrator(java.util.function.Function<Migrator, T> work) {
      return withMigrator(java.util.function.UnaryOperator.identity(), work);
    }

    <T> T withMigrator(java.util.function.UnaryOperator<Migrator.Builder> options, java.util.function.Function<Migrator, T> work) {
      Database db = Database.builder().url(url).poolSize(2).build();
      try {
        return work.apply(options.apply(Migrator.builder(db).directory(dir)).build());
      } finally {
        db.close().block(Duration.ofSeconds(30));
      }
    }

    PrintWriter out() { return spec.commandLine().getOut(); }
  }

  @Command(name = "generate", description = "Write a migration from the difference between the last snapshot and the schema code.")
  static final class Generate extends Common implements Callable<Integer> {
    @CommandLine.ParentCommand SluiceCli cli;

    @Parameters(index = "0", description = "Migration name (lower-case words joined by _)")
    String name;

    @Option(names = "--schema", required = true, description = "Package holding the schema's public static final Table fields")
    String schema;

    @Option(names = "--rename", description = "Answer a rename question: table.old:new (column) or old:new (table)")
    List<String> renames = new ArrayList<>();

    @Option(names = "--non-interactive", description = "Never prompt: unanswered rename questions fail (exit 3)")
    boolean nonInteractive;

    @Option(names = "--allow-data-loss", description = "Allow destructive changes (drops, narrowing, NOT NULL)")
    boolean allowDataLoss;

    @Override public Integer call() {
      RenameResolver resolver = RenameResolver.flags(renames);
      if (!nonInteractive && cli.terminal) {
        resolver = resolver.orElse(new PromptRenameResolver(cli.in, out()));
      }
      RenameResolver answers = resolver;
      Reports.GenerateReport r = withMigrator(m -> m.generate(name, CodeSnapshots.ofPackage(schema), answers, allowDataLoss)
          .block(Duration.ofMinutes(5)));
      if (json) {
        out().println("{\"migration\": " + (r.migration() == null ? "null" : Json.string(r.migration().name()))
            + ", \"changes\": " + r.plan().changes().size() + ", \"dataLoss\": " + r.findings().size() + "}");
      } else if (r.migration() == null) {
        out().println("Nothing to generate: the schema code matches the last snapshot.");
      } else {
        out().println("Wrote " + r.migration().dir() + " (" + r.plan().changes().size() + " changes)");
      }
      return OK;
    }
  }

  @Command(name = "migrate", description = "Apply every migration the database lacks, in name order.")
  static final class Migrate extends Common implements Callable<Integer> {
    @Option(names = "--allow-conflicts", description = "Apply migrations even when `sluice check` finds branch conflicts")
    boolean allowConflicts;

    @Option(names = "--target", description = "Apply migrations up to and including this one (by name)")
    String target;

    @Override public Integer call() {
      Reports.MigrateReport r = withMigrator(b -> allowConflicts ? b.allowConflicts() : b,
          m -> (target == null ? m.migrate() : m.migrateTo(target)).block(Duration.ofHours(1)));
      if (json) {
        StringBuilder s = new StringBuilder("{\"applied\": [");
        for (int i = 0; i < r.applied().size(); i++) {
          Reports.Applied a = r.applied().get(i);
          s.append(i > 0 ? ", " : "").append("{\"name\": ").append(Json.string(a.name())).append(", \"durationMs\": ")
              .append(a.durationMs()).append('}');
        }
        s.append("], \"warnings\": ").append(Json.strings(r.warnings())).append('}');
        out().println(s);
      } else {
        r.warnings().forEach(w -> out().println("warning: " + w));
        r.applied().forEach(a -> out().println("applied " + a.name() + " (" + a.durationMs() + " ms)"));
        if (r.applied().isEmpty()) {
          out().println("Nothing to apply.");
        }
      }
      return OK;
    }
  }

  @Command(name = "new", description = "Write an empty migration for hand-written SQL.")
  static final class New extends Common implements Callable<Integer> {
    @Parameters(index = "0", description = "Migration name (lower-case words joined by _)")
    String name;

    @Override public Integer call() {
      var files = withMigrator(m -> m.create(name).block(Duration.ofMinutes(1)));
      out().println(json ? "{\"migration\": " + Json.string(files.name()) + "}" : "Wrote " + files.dir());
      return OK;
    }
  }

  @Command(name = "rollback", description = "Undo the last applied migrations with their down.sql.")
  static final class Rollback extends Common implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "1", description = "How many migrations to undo (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--to", description = "Roll back every migration newer than this one (by name), instead of --steps")
    String to;

    @Override public Integer call() {
      Reports.RollbackReport r = withMigrator(m -> (to == null ? m.rollback(steps) : m.rollbackTo(to)).block(Duration.ofHours(1)));
      if (json) {
        out().println("{\"rolledBack\": " + Json.strings(r.rolledBack().stream().map(Reports.Applied::name).toList()) + "}");
      } else {
        r.rolledBack().forEach(a -> out().println("rolled back " + a.name() + " (" + a.durationMs() + " ms)"));
      }
      return OK;
    }
  }

  @Command(name = "status", description = "List applied, pending, changed, missing and failed migrations.")
  static final class Status extends Common implements Callable<Integer> {
    @Override public Integer call() {
      Reports.StatusReport r = withMigrator(m -> m.status().block(Duration.ofMinutes(5)));
      if (json) {
        out().println("{\"applied\": " + Json.strings(r.applied()) + ", \"pending\": " + Json.strings(r.pending())
            + ", \"changed\": " + Json.strings(r.changed()) + ", \"missing\": " + Json.strings(r.missing())
            + ", \"failed\": " + Json.strings(r.failed()) + "}");
      } else {
        r.applied().forEach(n -> out().println("applied  " + n));
        r.pending().forEach(n -> out().println("pending  " + n));
        r.changed().forEach(n -> out().println("CHANGED  " + n));
        r.missing().forEach(n -> out().println("missing  " + n));
        r.failed().forEach(n -> out().println("FAILED   " + n));
      }
      return r.changed().isEmpty() && r.failed().isEmpty() ? OK : FAILED;
    }
  }
}
