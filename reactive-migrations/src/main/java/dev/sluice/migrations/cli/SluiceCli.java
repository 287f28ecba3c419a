package dev.sluice.migrations.cli;

import dev.sluice.Database;
import dev.sluice.migrations.diff.DataLossException;
import dev.sluice.migrations.diff.RenameQuestion;
import dev.sluice.migrations.diff.RenameQuestionsException;
import dev.sluice.migrations.push.PartialPushException;
import dev.sluice.migrations.runner.BaselineRefusedException;
import dev.sluice.migrations.runner.BranchConflictException;
import dev.sluice.migrations.runner.ChecksumMismatchException;
import dev.sluice.migrations.runner.IntegrityException;
import dev.sluice.migrations.runner.MigrationClassException;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.PartialMigrationException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code sluice} command line over the {@link Migrator}, {@code push} and {@code pull} APIs.
 * Options come from flags, then the environment ({@code SLUICE_URL}...), then a config file
 * ({@code sluice.properties}), see {@link ConfigDefaults}. Exit codes scripts can rely on:
 * 0 done, 1 failed, 2 bad usage, 3 open rename questions, 4 data loss not allowed, 5 an applied
 * migration changed (checksum), 6 a migration or push failed partway on a database without
 * transactional DDL, 7 the directory does not match {@code sluice.sum}, 8 branch conflicts (or,
 * from {@code check}, any other finding against the database), 9 a Java migration named by
 * {@code --java-migrations} is missing or no {@code JavaMigration}, 10 {@code baseline} refused on a
 * non-empty history. With {@code --json} a failure is
 * also one line of JSON on standard output: {@code {"error": "...", "exitCode": 3, ...}}.
 *
 * <pre>
 * sluice generate --url r2dbc:sqlite:///app.db --schema com.acme.schema add_users --rename users.full_name:name
 * sluice migrate  --url r2dbc:sqlite:///app.db --json
 * sluice status                                (url, dir and schema from sluice.properties)
 * sluice push --dry-run                        (the SQL that would bring the database to the code)
 * sluice pull --package com.acme.schema --out src/main/java
 * sluice check --json                          (the directory only; add --url to compare with a database)
 * sluice openapi --output openapi.yaml         (OpenAPI 3.1 schemas of the schema code's tables)
 * sluice studio --write                        (a local web page of the tables' rows, on 127.0.0.1:7878)
 * </pre>
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0-SNAPSHOT",
    subcommands = {GenerateCommand.class, MigrateCommand.class, StatusCommand.class, RollbackCommand.class, NewCommand.class,
        CheckCommand.class, RehashCommand.class, PushCommand.class, PullCommand.class, SeedCommand.class,
        RefreshCommand.class, BaselineCommand.class, OpenApiCommand.class, StudioCommand.class},
    description = "Schema migrations for Sluice: generate them from schema code, apply them, inspect them; push and pull;"
        + " OpenAPI schemas of the schema code; a local browser studio of the rows.",
    footerHeading = "%nConfiguration:%n",
    footer = {"Flags win over the environment, the environment over the config file,",
        "and the file over the defaults.",
        "Environment: SLUICE_URL, SLUICE_USER, SLUICE_PASSWORD, SLUICE_DIR,",
        "  SLUICE_SCHEMA, SLUICE_CLASSPATH, SLUICE_JAVA_MIGRATIONS, SLUICE_PACKAGE,",
        "  SLUICE_OUT, SLUICE_COLOR, SLUICE_CONFIG, NO_COLOR.",
        "Config file: --config FILE, else sluice.properties, sluice.yaml or sluice.yml",
        "  in the working directory; keys url, user, password, dir, schema, classpath,",
        "  java-migrations, package, out, color (optionally under sluice: or as",
        "  sluice.KEY; database.url, database.user, database.password)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failed (status: a migration changed or failed)", "2:bad usage",
        "3:open rename questions", "4:data loss not allowed", "5:an applied migration changed (checksum)",
        "6:failed partway without transactional DDL", "7:the directory does not match sluice.sum",
        "8:branch conflicts (check: any finding against the database)",
        "9:a Java migration class or package named cannot be used", "10:baseline refused: the history is not empty"})
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
  static final int MIGRATION_CLASS = 9;
  static final int BASELINE_REFUSED = 10;

  @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "Config file (default: SLUICE_CONFIG, else sluice.properties or sluice.yaml in the working directory)")
  Path config;

  private final BufferedReader in;
  private final boolean terminal;
  private final Map<String, String> env;

  SluiceCli(InputStream in, boolean terminal, Map<String, String> env) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.terminal = terminal;
    this.env = Map.copyOf(env);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.console() != null, System.getenv()));
  }

  /** Runs the command line with these streams and the process's environment; {@code terminal} enables the rename prompt and colours. */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
    return run(args, in, out, err, terminal, System.getenv());
  }

  /** Runs the command line with these streams and this environment (for {@code SLUICE_*} overrides). */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> env) {
    SluiceCli cli = new SluiceCli(in, terminal, env);
    CommandLine cl = new CommandLine(cli);
    cl.setOut(out);
    cl.setErr(err);
    boolean json = Arrays.asList(args).contains("--json");
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(OutputOptions.ansi(colorFlag(args), terminal, env.containsKey("NO_COLOR"))));
    try {
      cl.setDefaultValueProvider(ConfigDefaults.load(configFlag(args), env, Path.of("").toAbsolutePath()));
    } catch (RuntimeException e) {
      return fail(json, out, err, e.getMessage(), USAGE, e);
    }
    cl.setParameterExceptionHandler((e, a) -> {
      if (json) {
        return fail(true, out, err, e.getMessage(), USAGE, e);
      }
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    cl.setExecutionExceptionHandler((e, line, parsed) -> fail(json, out, err, e.getMessage(), exitCode(e), e));
    return cl.execute(args);
  }

  private static int fail(boolean json, PrintWriter out, PrintWriter err, String message, int code, Exception e) {
    err.println(message);
    if (json) {
      Json.Obj o = Json.object().put("error", message).put("exitCode", code).put("type", e.getClass().getSimpleName());
      if (e instanceof RenameQuestionsException q) {
        o.put("questions", q.questions().stream().map(RenameQuestion::toString).toList());
      } else if (e instanceof DataLossException d) {
        o.put("dataLoss", d.findings().stream().map(f -> f.reason()).toList());
      } else if (e instanceof PartialMigrationException p) {
        o.put("failedStatement", p.failedStatement()).put("appliedStatements", p.appliedStatements());
      } else if (e instanceof PartialPushException p) {
        o.put("failedStatement", p.failedStatement()).put("appliedStatements", p.appliedStatements());
      }
      out.println(o);
    }
    out.flush();
    err.flush();
    return code;
  }

  private static Path configFlag(String[] args) {
    String v = flag(args, "--config");
    return v == null ? null : Path.of(v);
  }

  private static OutputOptions.Color colorFlag(String[] args) {
    String v = flag(args, "--color");
    try {
      return v == null ? OutputOptions.Color.auto : OutputOptions.Color.valueOf(v);
    } catch (IllegalArgumentException e) {
      return OutputOptions.Color.auto; // picocli reports the bad value
    }
  }

  private static String flag(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
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
    if (e instanceof PartialMigrationException || e instanceof PartialPushException) {
      return PARTIAL;
    }
    if (e instanceof IntegrityException) {
      return INTEGRITY;
    }
    if (e instanceof BranchConflictException) {
      return CONFLICT;
    }
    if (e instanceof MigrationClassException) {
      return MIGRATION_CLASS;
    }
    if (e instanceof BaselineRefusedException) {
      return BASELINE_REFUSED;
    }
    return e instanceof IllegalArgumentException ? USAGE : FAILED;
  }

  BufferedReader in() { return in; }

  boolean terminal() { return terminal; }

  Map<String, String> env() { return env; }

  /**
   * Runs {@code work} on a migrator over the options' database and directory, with the Java
   * migrations {@code java} names found in the {@code classpath} (its loader closed afterwards).
   */
  static <T> T withMigrator(DatabaseOptions database, DirectoryOptions directory, ClasspathOptions classpath,
      JavaMigrationOptions java, UnaryOperator<Migrator.Builder> options, Function<Migrator, T> work) {
    return classpath.withLoader(loader -> withMigrator(database, directory, b -> options.apply(java.apply(b, loader)), work));
  }

  /** Runs {@code work} on a migrator over the options' database and directory. */
  static <T> T withMigrator(DatabaseOptions database, DirectoryOptions directory, UnaryOperator<Migrator.Builder> options,
      Function<Migrator, T> work) {
    return database.withDatabase(db -> work.apply(options.apply(Migrator.builder(db).directory(directory.dir)).build()));
  }

  /**
   * The options of a command that works on a migrator ({@code --url}, {@code --dir}, {@code --json},
   * {@code --color}), for commands that extend it rather than mix the options in.
   */
  static class Common {
    @CommandLine.Mixin DatabaseOptions database;
    @CommandLine.Mixin DirectoryOptions directory;
    @CommandLine.Mixin OutputOptions output;

    <T> T withMigrator(Function<Migrator, T> work) {
      return withMigrator(UnaryOperator.identity(), work);
    }

    <T> T withMigrator(UnaryOperator<Migrator.Builder> options, Function<Migrator, T> work) {
      return SluiceCli.withMigrator(database, directory, options, work);
    }

    /** Runs {@code work} on the database alone. */
    <T> T withDatabase(Function<Database, T> work) {
      return database.withDatabase(work);
    }

    boolean json() { return output.json; }

    PrintWriter out() { return output.console().out(); }

    Console console() { return output.console(); }
  }
}
