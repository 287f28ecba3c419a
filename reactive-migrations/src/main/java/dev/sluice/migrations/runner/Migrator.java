package dev.sluice.migrations.runner;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.diff.DataLossLint;
import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.runner.Reports.Applied;
import dev.sluice.migrations.runner.Reports.CheckReport;
import dev.sluice.migrations.runner.Reports.GenerateReport;
import dev.sluice.migrations.runner.Reports.MigrateReport;
import dev.sluice.migrations.runner.Reports.RefreshReport;
import dev.sluice.migrations.runner.Reports.RollbackReport;
import dev.sluice.migrations.runner.Reports.StatusReport;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.sql.MigrationScript;
import dev.sluice.migrations.sql.MigrationSql;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Generates, applies, inspects and rolls back the migrations of a directory on a {@link Database}.
 * Every command is a cold {@code Mono} of its report: nothing happens before subscription.
 *
 * <pre>{@code
 * Migrator m = Migrator.builder(db).directory(Path.of("db/migrations")).build();
 * m.generate("add_users", CodeSnapshots.ofPackage("com.acme.schema"), RenameResolver.refuse(), false)
 *  .then(m.migrate())              // applies what is missing, in name order
 *  .subscribe(report -> log.info("applied {}", report.applied()));
 * }</pre>
 *
 * <p>A run takes one connection of its own (a session) and holds the database's migration lock
 * on it ({@link SessionLock}); then it checks, before running anything, that no applied migration
 * changed (checksums) and none is recorded as failed; then it applies each missing migration in
 * name order, each in its own transaction where DDL is transactional (PostgreSQL, SQLite), with
 * its history row written in that transaction; statements marked {@code -- sluice:outside-transaction}
 * (PostgreSQL's {@code ADD VALUE IF NOT EXISTS}) commit just before it. Elsewhere (MySQL, MariaDB, H2) statements run one
 * by one and a failure raises {@link PartialMigrationException} naming the failed statement and
 * what was applied. A migration older than the newest applied one (merged late from a branch) is
 * applied with a warning in the report, or refused when {@link Builder#refuseOutOfOrder()} is set.
 *
 * <p>{@code generate} and {@code create} keep the integrity file {@code sluice.sum} ({@link SumFile})
 * up to date, and every command first verifies it: a migration edited, added or removed by hand
 * raises {@link IntegrityException} until {@link #rehash()} accepts the edit. Each written migration
 * names its parent in {@code meta.json}; {@link #check()} reports branch conflicts (two migrations
 * from one parent, a migration that does not follow its parent) and {@code migrate} refuses to run
 * them with {@link BranchConflictException} unless {@link Builder#allowConflicts()} is set.
 *
 * <p>{@link JavaMigration}s ({@link Builder#javaMigrations}, {@link Builder#javaMigrationsIn}) run
 * among the SQL migrations in name order, each in a transaction with its history row. Repeatable
 * migrations ({@code repeatable/<name>.sql}, see {@link Repeatable}) run after the versioned ones,
 * once none is pending, whenever their checksum changed. {@link #migrateTo(String)} stops at a
 * migration, {@link #rollbackTo(String)} undoes those after one, {@link #refresh()} undoes
 * everything and applies it again.
 */
public final class Migrator {
  private final Database db;
  private final MigrationDirectory directory;
  private final HistoryTable history;
  private final boolean refuseOutOfOrder;
  private final boolean allowConflicts;
  private final SumFile sums;
  private final String appliedBy;
  private final Duration lockTimeout;
  private final Clock clock;
  private final List<JavaMigration> javaMigrations;
  private final List<String> javaPackages;
  private final ClassLoader loader;
  private final StepRunner steps;
  private final String dialect;
  private final java.util.function.Consumer<Applied> onApplied;

  private Migrator(Builder b) {
    this.db = b.db;
    this.directory = new MigrationDirectory(b.directory);
    this.history = new HistoryTable(b.historyTable);
    this.refuseOutOfOrder = b.refuseOutOfOrder;
    this.allowConflicts = b.allowConflicts;
    this.sums = new SumFile(b.directory);
    this.appliedBy = b.appliedBy;
    this.lockTimeout = b.lockTimeout;
    this.clock = b.clock;
    this.javaMigrations = List.copyOf(b.javaMigrations);
    this.javaPackages = List.copyOf(b.javaPackages);
    this.loader = b.loader;
    this.steps = new StepRunner(history, appliedBy, clock);
    this.dialect = b.db.dialect().name();
    this.onApplied = b.onApplied;
  }

  /** The dialect of the database: what the schema code's snapshot is rendered for ({@code CodeSnapshots.of(dialect, ...)}). */
  public dev.sluice.spi.Dialect dialect() {
    return db.dialect();
  }

  /** A builder for a migrator on {@code db}. */
  public static Builder builder(Database db) {
    return new Builder(db);
  }

  // ---- generate -------------------------------------------------------------------------------

  /**
   * Writes a migration from the difference between the last migration's snapshot and {@code code}:
   * {@code up.sql}, {@code down.sql} (the reverse plan) and {@code snapshot.json}. Nothing is
   * written when there is no difference. Open rename questions raise
   * {@link dev.sluice.migrations.diff.RenameQuestionsException}; destructive changes raise
   * {@link dev.sluice.migrations.diff.DataLossException} unless {@code allowDataLoss}.
   */
  public Mono<GenerateReport> generate(String name, SchemaSnapshot code, RenameResolver renames, boolean allowDataLoss) {
    return Mono.fromCallable(() -> {
      sums.verify();
      SchemaSnapshot last = directory.lastSnapshot();
      MigrationPlan plan = SchemaDiff.between(last, code, renames);
      List<DataLossLint.Finding> findings = DataLossLint.check(plan);
      DataLossLint.require(plan, allowDataLoss);
      if (plan.isEmpty()) {
        return new GenerateReport(null, plan, findings);
      }
      MigrationSql sql = MigrationSql.forDialect(db.dialect());
      MigrationScript up = sql.up(plan);
      MigrationScript down = sql.down(plan);
      MigrationFiles files = directory.write(name, clock.instant(), up.text(), down.text(), code);
      sums.write();
      return new GenerateReport(files, plan, findings);
    }).subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * Writes an empty migration for hand-written SQL ({@code up.sql} and {@code down.sql} holding only
   * a comment), whose {@code snapshot.json} repeats the last one, so that the next generated
   * migration diffs from the same schema.
   */
  public Mono<MigrationFiles> create(String name) {
    return Mono.fromCallable(() -> {
      sums.verify();
      MigrationFiles files = directory.write(name, clock.instant(),
          "-- " + name + ": write the statements, each ending with ;\n",
          "-- undo " + name + ": write the statements, each ending with ;\n", directory.lastSnapshot());
      sums.write();
      return files;
    }).subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * Rewrites {@code sluice.sum} for the directory as it is, accepting hand edits (the SQL of a
   * migration made by {@link #create}, a merge resolved by hand); emits what differed before.
   */
  public Mono<List<String>> rehash() {
    return Mono.fromCallable(() -> {
      List<String> differences = sums.differences();
      sums.write();
      return differences;
    }).subscribeOn(Schedulers.boundedElastic());
  }

  // ---- check ------------------------------------------------------------------------------------

  /**
   * Everything that would stop or surprise a run, without running anything: integrity mismatches,
   * branch conflicts, and the differences between the directory and this database's history
   * (changed, missing, failed, and pending migrations older than the newest applied one). For CI.
   * Like {@link #status()}, it creates the history table when absent.
   *
   * <pre>{@code
   * CheckReport r = migrator.check().block();
   * if (!r.ok()) { r.conflicts().forEach(System.err::println); }
   * }</pre>
   */
  public Mono<CheckReport> check() {
    return checkDirectory(directory.root()).flatMap(dir -> Mono.fromCallable(() -> Catalogue.load(directory, null,
            javaMigrations, javaPackages, loader))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(c -> db.createTables(history).then(readHistory(db)).map(entries -> {
          StatusReport s = HistoryState.status(c, entries);
          String newest = HistoryState.newest(entries);
          List<String> outOfOrder = s.pending().stream().filter(n -> n.compareTo(newest) < 0).toList();
          return new CheckReport(dir.integrity(), dir.sharedParents(), dir.misplaced(), s.changed(), s.missing(),
              s.failed(), outOfOrder);
        })));
  }

  /** The integrity mismatches and branch conflicts of the migrations directory {@code dir}, without a database. */
  public static Mono<CheckReport> checkDirectory(Path dir) {
    return Mono.fromCallable(() -> {
      List<String> integrity = new SumFile(dir).differences();
      List<MigrationFiles> files = new MigrationDirectory(dir).list();
      return new CheckReport(integrity, Lineage.sharedParents(files), Lineage.misplaced(files),
          List.of(), List.of(), List.of(), List.of());
    }).subscribeOn(Schedulers.boundedElastic());
  }

  // ---- migrate ----------------------------------------------------------------------------------

  /** Applies every migration the database lacks, then the new or changed repeatable ones; see the class comment. */
  public Mono<MigrateReport> migrate() {
    return catalogue().doOnNext(c -> refuseConflicts(c.files())).flatMap(c -> locked(session -> migrateOn(session, c, null)));
  }

  /**
   * Applies the missing migrations up to and including {@code target} (a migration's name), in name
   * order; later ones stay pending, and repeatable migrations wait until none is pending. A name that
   * is no migration is a {@link MigrationException} before anything runs.
   *
   * <pre>{@code
   * migrator.migrateTo("20260102000000_add_users").block();   // sluice migrate --target 20260102000000_add_users
   * }</pre>
   */
  public Mono<MigrateReport> migrateTo(String target) {
    Objects.requireNonNull(target, "target");
    return catalogue().doOnNext(c -> refuseConflicts(c.files())).flatMap(c -> locked(session -> migrateOn(session, c, target)));
  }

  private Mono<MigrateReport> migrateOn(Database session, Catalogue c, String target) {
    return readHistory(session).flatMap(entries -> {
      Map<String, Step> byName = c.byName();
      HistoryState.requireNothingChangedOrFailed(entries, byName, history.name());
      if (target != null && !byName.containsKey(target)) {
        return Mono.error(new MigrationException("No migration is named " + target + " (the target); known: "
            + (byName.isEmpty() ? "none" : c.steps().get(0).name() + " .. " + c.steps().get(c.steps().size() - 1).name())));
      }
      String newest = HistoryState.newest(entries);
      List<Step> pending = new ArrayList<>();
      List<String> outOfOrder = new ArrayList<>();
      boolean laterRemain = false;
      for (Step step : c.steps()) {
        if (entries.stream().noneMatch(e -> e.name().equals(step.name()))) {
          if (target != null && step.name().compareTo(target) > 0) {
            laterRemain = true;
            continue;
          }
          pending.add(step);
          if (step.name().compareTo(newest) < 0) {
            outOfOrder.add(step.name());
          }
        }
      }
      List<String> warnings = new ArrayList<>();
      if (!outOfOrder.isEmpty()) {
        String msg = "Migrations older than the newest applied one (" + newest + ") were not applied yet: " + outOfOrder;
        if (refuseOutOfOrder) {
          return Mono.error(new MigrationException(msg + "; refused (refuseOutOfOrder). Rename them after " + newest
              + " or allow out-of-order runs."));
        }
        warnings.add(msg + "; applied out of order");
      }
      List<Applied> applied = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      List<Applied> repeated = new ArrayList<>();
      Flux<Applied> repeatables = laterRemain ? Flux.empty()
          : Flux.fromIterable(c.repeatables()).concatMap(r -> steps.repeat(session, r))
              .filter(a -> a.statements() >= 0).doOnNext(repeated::add);
      return Flux.fromIterable(pending)
          .concatMap(step -> steps.apply(session, step).doOnNext(a -> {
            if (a.statements() < 0) {
              skipped.add(a.name());
            } else {
              applied.add(a);
              onApplied.accept(a);
            }
          }))
          .thenMany(repeatables)
          .then(Mono.fromCallable(() -> new MigrateReport(applied, skipped, warnings, repeated)));
    });
  }

  private void refuseConflicts(List<MigrationFiles> files) {
    if (!allowConflicts) {
      List<String> conflicts = new ArrayList<>(Lineage.sharedParents(files));
      conflicts.addAll(Lineage.misplaced(files));
      if (!conflicts.isEmpty()) {
        throw new BranchConflictException(conflicts);
      }
    }
  }

  // ---- status -----------------------------------------------------------------------------------

  /**
   * Applied, pending, changed, missing and failed migrations, and the repeatable ones due. Creates
   * the history table if absent.
   */
  public Mono<StatusReport> status() {
    return catalogue().flatMap(c -> db.createTables(history).then(readHistory(db)).map(entries -> HistoryState.status(c, entries)));
  }

  // ---- baseline ---------------------------------------------------------------------------------

  /**
   * Records every migration up to and including {@code to} as applied, without running it, for
   * adopting Sluice on a database whose schema is already there: one history row each, with its
   * checksum and {@code duration_ms} {@value HistoryTable#BASELINE_DURATION} (it never ran), all in
   * one transaction under the migration lock. Later migrations stay pending. Refused with
   * {@link BaselineRefusedException} when the history has any row, and with a
   * {@link MigrationException} when no migration is named {@code to}; nothing is written then.
   *
   * <pre>{@code
   * migrator.baseline("20260101000000_init").block();   // sluice baseline --to 20260101000000_init
   * }</pre>
   */
  public Mono<Reports.BaselineReport> baseline(String to) {
    Objects.requireNonNull(to, "to");
    return catalogue().flatMap(c -> locked(session -> readHistory(session).flatMap(entries -> {
      if (!entries.isEmpty()) {
        return Mono.error(new BaselineRefusedException(history.name(), entries.size()));
      }
      if (!c.byName().containsKey(to)) {
        return Mono.error(new MigrationException("Cannot baseline to " + to + ": no migration is named so"
            + (c.steps().isEmpty() ? " (the directory has none)" : "; known: " + c.steps().get(0).name() + " .. "
            + c.steps().get(c.steps().size() - 1).name())));
      }
      List<Step> upTo = c.steps().stream().filter(s -> s.name().compareTo(to) <= 0).toList();
      return session.inTransaction(tx -> Flux.fromIterable(upTo).concatMap(s -> steps.baseline(tx, s)).then())
          .then(Mono.fromCallable(() -> new Reports.BaselineReport(upTo.stream().map(Step::name).toList())));
    })));
  }

  // ---- rollback and refresh -------------------------------------------------------------------

  /**
   * Undoes the last {@code steps} applied migrations (by name, newest first) with their
   * {@code down.sql} or {@link JavaMigration#down}, each in its own transaction where DDL is
   * transactional, deleting their history rows. Repeatable migrations are left alone.
   */
  public Mono<RollbackReport> rollback(int steps) {
    if (steps < 1) {
      return Mono.error(new IllegalArgumentException("Roll back at least one migration, not " + steps));
    }
    return catalogue().flatMap(c -> locked(session -> readHistory(session).flatMap(entries ->
        rollbackOn(session, c, entries, HistoryState.versioned(entries).sorted(Comparator.comparing(HistoryTable.Entry::name).reversed())
            .limit(steps).toList()))));
  }

  /**
   * Undoes every applied migration newer than {@code name}, newest first; {@code name} itself stays
   * applied. A name that is not an applied migration is a {@link MigrationException} before anything runs.
   *
   * <pre>{@code
   * migrator.rollbackTo("20260101000000_init").block();   // sluice rollback --to 20260101000000_init
   * }</pre>
   */
  public Mono<RollbackReport> rollbackTo(String name) {
    Objects.requireNonNull(name, "name");
    return catalogue().flatMap(c -> locked(session -> readHistory(session).flatMap(entries -> {
      if (HistoryState.versioned(entries).noneMatch(e -> e.name().equals(name))) {
        return Mono.error(new MigrationException("Cannot roll back to " + name + ": it is not an applied migration"
            + " (applied: " + HistoryState.versioned(entries).map(HistoryTable.Entry::name).sorted().toList() + ")"));
      }
      return rollbackOn(session, c, entries, HistoryState.versioned(entries).filter(e -> e.name().compareTo(name) > 0)
          .sorted(Comparator.comparing(HistoryTable.Entry::name).reversed()).toList());
    })));
  }

  private Mono<RollbackReport> rollbackOn(Database session, Catalogue c, List<HistoryTable.Entry> entries,
      List<HistoryTable.Entry> last) {
    Map<String, Step> byName = c.byName();
    HistoryState.requireNothingChangedOrFailed(entries, byName, history.name());
    for (HistoryTable.Entry e : last) {
      Step f = byName.get(e.name());
      if (f == null || !f.reversible()) {
        return Mono.error(new MigrationException("Cannot roll back " + e.name() + ": its "
            + (f == null ? "directory (or Java class)" : "down.sql") + " is missing; nothing was rolled back"));
      }
    }
    return Flux.fromIterable(last).concatMap(e -> steps.undo(session, byName.get(e.name()))).collectList()
        .map(RollbackReport::new);
  }

  /**
   * Undoes everything the migrations made and applies them all again: the repeatable migrations'
   * {@code .down.sql} (newest first), every applied migration's down script (newest first), then a
   * full {@link #migrate()}, all under one hold of the lock. Every applied migration must be
   * reversible, or nothing runs. For development databases: the data goes with the tables.
   */
  public Mono<RefreshReport> refresh() {
    return catalogue().doOnNext(c -> refuseConflicts(c.files())).flatMap(c -> locked(session -> readHistory(session).flatMap(entries -> {
      Map<String, Repeatable> repeatables = new LinkedHashMap<>();
      c.repeatables().forEach(r -> repeatables.put(r.name(), r));
      List<Repeatable> undoRepeatables = entries.stream().map(HistoryTable.Entry::name).filter(Repeatable::isRepeatable)
          .sorted(Comparator.reverseOrder()).map(n -> repeatables.getOrDefault(n, new Repeatable(n, "", null))).toList();
      List<HistoryTable.Entry> all = HistoryState.versioned(entries).sorted(Comparator.comparing(HistoryTable.Entry::name).reversed()).toList();
      List<Applied> undone = new ArrayList<>();
      return Mono.defer(() -> {
            HistoryState.requireNothingChangedOrFailed(entries, c.byName(), history.name());
            return Flux.fromIterable(all).filter(e -> !c.byName().containsKey(e.name())
                    || !c.byName().get(e.name()).reversible()).next()
                .flatMap(e -> Mono.<Void>error(new MigrationException("Cannot refresh: " + e.name()
                    + " cannot be rolled back (its down script or class is missing); nothing was undone")));
          })
          .thenMany(Flux.fromIterable(undoRepeatables).concatMap(r -> steps.undoRepeatable(session, r)).doOnNext(undone::add))
          .then(rollbackOn(session, c, entries, all)).doOnNext(r -> undone.addAll(r.rolledBack()))
          .then(Mono.defer(() -> migrateOn(session, c, null)))
          .map(m -> new RefreshReport(undone, m));
    })));
  }

  // ---- sessions and locks ---------------------------------------------------------------------

  private Mono<Catalogue> catalogue() {
    return Mono.fromCallable(() -> Catalogue.load(directory, sums, javaMigrations, javaPackages, loader))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<List<HistoryTable.Entry>> readHistory(Database session) {
    return session.selectFrom(history).fetchList();
  }

  private <T> Mono<T> locked(Function<Database, Mono<T>> work) {
    return RunnerSession.locked(db, history, lockTimeout, work);
  }

  /** Options of a {@link Migrator}. */
  public static final class Builder {
    private final Database db;
    private Path directory = Path.of("db", "migrations");
    private String historyTable = "sluice_migrations";
    private boolean refuseOutOfOrder;
    private boolean allowConflicts;
    private String appliedBy = System.getProperty("user.name", "unknown");
    private Duration lockTimeout = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private final List<JavaMigration> javaMigrations = new ArrayList<>();
    private final List<String> javaPackages = new ArrayList<>();
    private ClassLoader loader = Migrator.class.getClassLoader();
    private java.util.function.Consumer<Applied> onApplied = a -> { };

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
      if (db.connectionFactory() == null) {
        throw new IllegalArgumentException("The migrator needs a connected Database, not a render-only one");
      }
    }

    /** The migrations directory ({@code db/migrations} by default). */
    public Builder directory(Path dir) { this.directory = Objects.requireNonNull(dir); return this; }

    /** The history table's name ({@code sluice_migrations} by default); also names the lock. */
    public Builder historyTable(String name) { this.historyTable = Objects.requireNonNull(name); return this; }

    /** Refuse to apply a migration older than the newest applied one, instead of warning. */
    public Builder refuseOutOfOrder() { this.refuseOutOfOrder = true; return this; }

    /** Let {@code migrate} run migrations with branch conflicts ({@link Migrator#check()}), instead of refusing. */
    public Builder allowConflicts() { this.allowConflicts = true; return this; }

    /** Who the history says applied the migrations (the OS user by default). */
    public Builder appliedBy(String who) { this.appliedBy = Objects.requireNonNull(who); return this; }

    /** How long MySQL/MariaDB wait for another runner's lock (5 minutes by default). */
    public Builder lockTimeout(Duration timeout) { this.lockTimeout = Objects.requireNonNull(timeout); return this; }

    /** The clock for migration names and history times (UTC system clock by default). */
    public Builder clock(Clock c) { this.clock = Objects.requireNonNull(c); return this; }

    /** Java migrations to run among the SQL ones, ordered by their names. */
    public Builder javaMigrations(JavaMigration... migrations) {
      for (JavaMigration m : migrations) {
        javaMigrations.add(Objects.requireNonNull(m, "migration"));
      }
      return this;
    }

    /**
     * Runs every concrete {@link JavaMigration} class of {@code packageOrClass} (a package, with its
     * sub-packages, or one class's binary name) too, each made with its public no-argument
     * constructor; looked up with {@link #classLoader} at each command. A name that is neither, or
     * a class that is no {@code JavaMigration}, is a {@link MigrationClassException}.
     */
    public Builder javaMigrationsIn(String packageOrClass) {
      javaPackages.add(Objects.requireNonNull(packageOrClass, "packageOrClass"));
      return this;
    }

    /** The class loader that scans {@link #javaMigrationsIn} packages (this library's by default). */
    public Builder classLoader(ClassLoader l) { this.loader = Objects.requireNonNull(l); return this; }
    /** Told of each migration {@code migrate} applied, as soon as it is committed (the CLI's progress line). */
    public Builder onApplied(java.util.function.Consumer<Applied> listener) { this.onApplied = Objects.requireNonNull(listener); return this; }

    public Migrator build() { return new Migrator(this); }
  }
}
