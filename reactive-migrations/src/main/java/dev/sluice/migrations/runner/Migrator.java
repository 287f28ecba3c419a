package dev.sluice.migrations.runner;

import static dev.sluice.query.Dsl.eq;

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
import dev.sluice.migrations.runner.Reports.RollbackReport;
import dev.sluice.migrations.runner.Reports.StatusReport;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.sql.MigrationScript;
import dev.sluice.migrations.sql.MigrationSql;
import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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
    this.dialect = b.db.dialect().name();
    this.onApplied = b.onApplied;
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
    return checkDirectory(directory.root()).flatMap(dir -> Mono.fromCallable(directory::list)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(files -> db.createTables(history).then(readHistory(db)).map(entries -> {
          StatusReport s = statusOf(files, entries);
          String newest = newest(entries);
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

  /** Applies every migration of the directory that the database lacks; see the class comment. */
  public Mono<MigrateReport> migrate() {
    return files().map(this::refuseConflicts).flatMap(files -> locked(session -> readHistory(session).flatMap(entries -> {
      Map<String, MigrationFiles> byName = byName(files);
      checkNothingChangedOrFailed(entries, byName);
      String newest = newest(entries);
      List<MigrationFiles> pending = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> outOfOrder = new ArrayList<>();
      for (MigrationFiles f : files) {
        if (entries.stream().noneMatch(e -> e.name().equals(f.name()))) {
          pending.add(f);
          if (f.name().compareTo(newest) < 0) {
            outOfOrder.add(f.name());
          }
        }
      }
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
      return Flux.fromIterable(pending)
          .concatMap(f -> applyOne(session, f).doOnNext(a -> {
            if (a.statements() < 0) {
              skipped.add(a.name());
            } else {
              applied.add(a);
              onApplied.accept(a);
            }
          }))
          .then(Mono.fromCallable(() -> new MigrateReport(applied, skipped, warnings)));
    })));
  }

  private List<MigrationFiles> refuseConflicts(List<MigrationFiles> files) {
    if (!allowConflicts) {
      List<String> conflicts = new ArrayList<>(Lineage.sharedParents(files));
      conflicts.addAll(Lineage.misplaced(files));
      if (!conflicts.isEmpty()) {
        throw new BranchConflictException(conflicts);
      }
    }
    return files;
  }

  private static String newest(List<HistoryTable.Entry> entries) {
    return entries.stream().map(HistoryTable.Entry::name).max(Comparator.naturalOrder()).orElse("");
  }

  private void checkNothingChangedOrFailed(List<HistoryTable.Entry> entries, Map<String, MigrationFiles> byName) {
    List<String> failed = entries.stream().filter(e -> !Boolean.TRUE.equals(e.success())).map(HistoryTable.Entry::name).toList();
    if (!failed.isEmpty()) {
      throw new MigrationException("Migrations failed partway earlier and are not repaired: " + failed
          + "; repair the schema by hand, then delete their rows from " + history.name());
    }
    List<String> changed = new ArrayList<>();
    for (HistoryTable.Entry e : entries) {
      MigrationFiles f = byName.get(e.name());
      if (f != null && !f.checksum().equals(e.checksum())) {
        changed.add(e.name());
      }
    }
    if (!changed.isEmpty()) {
      throw new ChecksumMismatchException(changed);
    }
  }

  /** Applies one migration; a result with {@code statements == -1} means another runner had applied it. */
  private Mono<Applied> applyOne(Database session, MigrationFiles f) {
    List<ScriptSplitter.Statement> marked = ScriptSplitter.splitMarked(f.up());
    List<String> statements = marked.stream().map(ScriptSplitter.Statement::sql).toList();
    List<String> first = marked.stream().filter(ScriptSplitter.Statement::outsideTransaction)
        .map(ScriptSplitter.Statement::sql).toList();
    List<String> inTx = marked.stream().filter(s -> !s.outsideTransaction()).map(ScriptSplitter.Statement::sql).toList();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      if (session.dialect().capabilities().ddlIsTransactional()) {
        // marked statements (idempotent, such as ADD VALUE IF NOT EXISTS) commit first, on their own
        Mono<Void> before = isApplied(session, f.name()).flatMap(done -> done ? Mono.<Void>empty()
            : Flux.fromIterable(first).concatMap(s -> StatementRunner.run(session, s)).then());
        return before.then(session.inTransaction(tx -> isApplied(tx, f.name()).flatMap(done -> done
                ? Mono.just(new Applied(f.name(), 0, -1))
                : Flux.fromIterable(inTx).concatMap(s -> StatementRunner.run(tx, s))
                    .then(Mono.fromCallable(() -> millisSince(start)))
                    .flatMap(ms -> record(tx, f, ms, true).thenReturn(new Applied(f.name(), ms, statements.size())))))
            .single());
      }
      List<String> done = new ArrayList<>();
      return isApplied(session, f.name()).flatMap(already -> already ? Mono.just(new Applied(f.name(), 0, -1))
          : Flux.fromIterable(statements)
              .concatMap(s -> StatementRunner.run(session, s)
                  .onErrorMap(e -> !(e instanceof PartialMigrationException),
                      e -> new PartialMigrationException(f.name(), done.size(), s, done, e))
                  .then(Mono.fromRunnable(() -> done.add(s))))
              .then(Mono.defer(() -> record(session, f, millisSince(start), true)
                  .thenReturn(new Applied(f.name(), millisSince(start), statements.size()))))
              .onErrorResume(PartialMigrationException.class, e -> record(session, f, millisSince(start), false)
                  .then(Mono.error(e))));
    });
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private Mono<Boolean> isApplied(Database session, String name) {
    return session.selectFrom(history).where(eq(history.name, name)).fetch().hasElements();
  }

  private Mono<Void> record(Database session, MigrationFiles f, long ms, boolean success) {
    return session.insertInto(history).values(new HistoryTable.Entry(f.name(), f.checksum(),
        LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), ms, appliedBy, success)).execute().then();
  }

  // ---- status and rollback --------------------------------------------------------------------

  /** Applied, pending, changed, missing and failed migrations. Creates the history table if absent. */
  public Mono<StatusReport> status() {
    return files().flatMap(files -> db.createTables(history).then(readHistory(db)).map(entries -> statusOf(files, entries)));
  }

  private static StatusReport statusOf(List<MigrationFiles> files, List<HistoryTable.Entry> entries) {
    Map<String, MigrationFiles> byName = byName(files);
    List<String> applied = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (HistoryTable.Entry e : entries) {
      MigrationFiles f = byName.get(e.name());
      if (!Boolean.TRUE.equals(e.success())) {
        failed.add(e.name());
      } else if (f == null) {
        missing.add(e.name());
      } else if (!f.checksum().equals(e.checksum())) {
        changed.add(e.name());
      } else {
        applied.add(e.name());
      }
    }
    List<String> pending = files.stream().map(MigrationFiles::name)
        .filter(n -> entries.stream().noneMatch(e -> e.name().equals(n))).toList();
    return new StatusReport(applied, pending, changed, missing, failed);
  }

  /**
   * Undoes the last {@code steps} applied migrations (by name, newest first) with their
   * {@code down.sql}, each in its own transaction where DDL is transactional, deleting their history rows.
   */
  public Mono<RollbackReport> rollback(int steps) {
    if (steps < 1) {
      return Mono.error(new IllegalArgumentException("Roll back at least one migration, not " + steps));
    }
    return files().flatMap(files -> locked(session -> readHistory(session).flatMap(entries -> {
      Map<String, MigrationFiles> byName = byName(files);
      checkNothingChangedOrFailed(entries, byName);
      List<HistoryTable.Entry> last = entries.stream()
          .sorted(Comparator.comparing(HistoryTable.Entry::name).reversed()).limit(steps).toList();
      for (HistoryTable.Entry e : last) {
        MigrationFiles f = byName.get(e.name());
        if (f == null || f.down() == null) {
          return Mono.error(new MigrationException("Cannot roll back " + e.name() + ": its "
              + (f == null ? "directory" : "down.sql") + " is missing"));
        }
      }
      return Flux.fromIterable(last).concatMap(e -> undo(session, byName.get(e.name()))).collectList()
          .map(RollbackReport::new);
    })));
  }

  private Mono<Applied> undo(Database session, MigrationFiles f) {
    List<ScriptSplitter.Statement> marked = ScriptSplitter.splitMarked(f.down());
    boolean transactional = session.dialect().capabilities().ddlIsTransactional();
    List<String> first = transactional ? marked.stream().filter(ScriptSplitter.Statement::outsideTransaction)
        .map(ScriptSplitter.Statement::sql).toList() : List.of();
    List<String> rest = marked.stream().map(ScriptSplitter.Statement::sql).filter(s -> !first.contains(s)).toList();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      Function<Database, Mono<Applied>> work = d -> Flux.fromIterable(rest).concatMap(s -> StatementRunner.run(d, s))
          .then(d.deleteFrom(history).where(eq(history.name, f.name())).execute())
          .then(Mono.fromCallable(() -> new Applied(f.name(), millisSince(start), marked.size())));
      Mono<Void> before = Flux.fromIterable(first).concatMap(s -> StatementRunner.run(session, s)).then();
      return transactional ? before.then(session.inTransaction(work::apply).single()) : work.apply(session);
    });
  }

  // ---- sessions and locks ---------------------------------------------------------------------

  private Mono<List<MigrationFiles>> files() {
    return Mono.fromCallable(() -> {
      sums.verify();
      return directory.list();
    }).subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<List<HistoryTable.Entry>> readHistory(Database session) {
    return session.selectFrom(history).fetch().collectList();
  }

  private static Map<String, MigrationFiles> byName(List<MigrationFiles> files) {
    Map<String, MigrationFiles> m = new LinkedHashMap<>();
    files.forEach(f -> m.put(f.name(), f));
    return m;
  }

  /**
   * Runs {@code work} on a session of its own (one connection, held throughout) that holds the
   * migration lock and has the history table; SQLite's session runs with foreign keys off (the
   * rebuild procedure), checked by {@code PRAGMA foreign_key_check} in the scripts.
   */
  private <T> Mono<T> locked(Function<Database, Mono<T>> work) {
    SessionLock lock = SessionLock.forDialect(dialect, history.name(), lockTimeout);
    boolean sqlite = dialect.equals("sqlite");
    return Mono.usingWhen(Mono.from(db.connectionFactory().create()),
        (Connection c) -> {
          Database session = Database.builder()
              .connectionFactory(new PinnedConnectionFactory(c, db.connectionFactory().getMetadata()))
              .dialect(db.dialect()).pooled(false).outsideTransactions(ConnectionSource.NONE).build();
          Mono<Void> setUp = sqlite ? session.sql("PRAGMA foreign_keys = OFF").fetch().then() : Mono.empty();
          Mono<Void> tearDown = sqlite ? session.sql("PRAGMA foreign_keys = ON").fetch().then() : Mono.empty();
          // after an error (the session may be dead, and a dead session's lock is gone with it) a
          // failing release must not hide the error that ended the run
          return Mono.usingWhen(setUp.then(lock.acquire(session)).thenReturn(session),
              s -> s.createTables(history).then(work.apply(s)),
              s -> lock.release(s).then(tearDown),
              (s, e) -> lock.release(s).then(tearDown).onErrorResume(x -> Mono.empty()),
              s -> lock.release(s).then(tearDown).onErrorResume(x -> Mono.empty()));
        },
        Connection::close,
        (c, e) -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()),
        c -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()));
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

    /** Told of each migration {@code migrate} applied, as soon as it is committed (the CLI's progress line). */
    public Builder onApplied(java.util.function.Consumer<Applied> listener) { this.onApplied = Objects.requireNonNull(listener); return this; }

    public Migrator build() { return new Migrator(this); }
  }
}
