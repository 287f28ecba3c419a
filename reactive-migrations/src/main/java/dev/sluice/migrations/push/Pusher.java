package dev.sluice.migrations.push;

import dev.sluice.Database;
import dev.sluice.migrations.diff.DataLossLint;
import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.runner.PinnedConnectionFactory;
import dev.sluice.migrations.runner.StatementRunner;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.sql.MigrationScript;
import dev.sluice.migrations.sql.MigrationSql;
import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code push}, for prototyping: diffs the schema code against the live database (introspection,
 * then {@link SchemaDiff} from what the database holds to the code) and applies the difference
 * directly, with no migration file and no history row. Rename questions are answered as for
 * {@code generate}; destructive changes need {@link Builder#allowDataLoss()}; {@link Builder#dryRun()}
 * returns the SQL and changes nothing.
 *
 * <pre>{@code
 * Mono<PushReport> r = Pusher.builder(db).dryRun().build().push(CodeSnapshots.ofPackage("com.acme.schema"));
 * // r.statements(): CREATE TABLE IF NOT EXISTS "users" (...), ... on PostgreSQL
 * }</pre>
 *
 * <p>A column, key, check or index the database holds as declared, only spelled its own way (SQLite's
 * storage types, MySQL's inline enums), is no change: a second push of the same code has nothing
 * to do. The statements run on one session, in one transaction where DDL is transactional
 * (PostgreSQL, SQLite; SQLite with foreign keys off for its table rebuilds, checked by
 * {@code PRAGMA foreign_key_check}); elsewhere one by one, and a failure is a
 * {@link PartialPushException} naming the failed statement and what was applied. The history table
 * ({@code sluice_migrations}) is never touched nor diffed. Unlike {@code migrate}, push takes no
 * migration lock: it is for one developer's database.
 */
public final class Pusher {
  private final Database db;
  private final RenameResolver renames;
  private final boolean allowDataLoss;
  private final boolean dryRun;
  private final Set<String> excluded;

  private Pusher(Builder b) {
    this.db = b.db;
    this.renames = b.renames;
    this.allowDataLoss = b.allowDataLoss;
    this.dryRun = b.dryRun;
    this.excluded = Set.copyOf(b.excluded);
  }

  /** A builder for a push to {@code db}. */
  public static Builder builder(Database db) {
    return new Builder(db);
  }

  /**
   * Brings the database to {@code code}. Open rename questions raise
   * {@link dev.sluice.migrations.diff.RenameQuestionsException}, destructive changes without
   * {@code allowDataLoss} {@link dev.sluice.migrations.diff.DataLossException}, both before anything runs.
   * A table declared in a database schema is refused with a {@link dev.sluice.migrations.MigrationException}
   * naming it: introspection reads the current schema only, so push could not see what such a table
   * holds (generate and migrate it instead).
   */
  public Mono<PushReport> push(SchemaSnapshot code) {
    Objects.requireNonNull(code, "code");
    return Mono.defer(() -> {
      List<String> inSchemas = code.tables().stream().filter(t -> t.schema() != null)
          .map(t -> t.schema() + "." + t.name()).toList();
      if (!inSchemas.isEmpty()) {
        return Mono.error(new dev.sluice.migrations.MigrationException("push reads the database's current schema only,"
            + " so it cannot compare " + inSchemas + ": generate and migrate tables declared in a schema"));
      }
      long start = System.nanoTime();
      String dialect = db.dialect().name();
      // the diff may ask rename questions at a terminal (a blocking read): never on a driver's thread
      return Introspector.forDialect(dialect).snapshot(db, excluded).publishOn(Schedulers.boundedElastic()).flatMap(live -> {
        MigrationPlan plan = SchemaDiff.between(new LiveBaseline(dialect).of(live, code), code, renames);
        List<DataLossLint.Finding> findings = DataLossLint.check(plan);
        DataLossLint.require(plan, allowDataLoss);
        MigrationScript script = MigrationSql.forDialect(db.dialect()).up(plan);
        if (plan.isEmpty() || dryRun) {
          return Mono.just(new PushReport(plan, script.statements(), findings, false, millisSince(start)));
        }
        return apply(script).then(Mono.fromCallable(() -> new PushReport(plan, script.statements(), findings, true,
            millisSince(start))));
      });
    });
  }

  private Mono<Void> apply(MigrationScript script) {
    boolean transactional = db.dialect().capabilities().ddlIsTransactional();
    List<String> first = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (MigrationScript.Step s : script.steps()) {
      (transactional && s.outsideTransaction() ? first : rest).addAll(s.statements());
    }
    boolean sqlite = db.dialect().name().equals("sqlite");
    return Mono.usingWhen(Mono.from(db.connectionFactory().create()),
        (Connection c) -> {
          Database session = Database.builder()
              .connectionFactory(new PinnedConnectionFactory(c, db.connectionFactory().getMetadata()))
              .dialect(db.dialect()).pooled(false).outsideTransactions(ConnectionSource.NONE).build();
          Mono<Void> setUp = sqlite ? session.sql("PRAGMA foreign_keys = OFF").fetch().then() : Mono.empty();
          Mono<Void> tearDown = sqlite ? session.sql("PRAGMA foreign_keys = ON").fetch().then() : Mono.empty();
          Mono<Void> run = transactional
              ? runAll(session, first).then(session.inTransaction(tx -> runAll(tx, rest)).then())
              : oneByOne(session, rest);
          return setUp.then(run).then(tearDown)
              .onErrorResume(e -> tearDown.onErrorResume(x -> Mono.empty()).then(Mono.error(e)));
        },
        Connection::close,
        (c, e) -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()),
        c -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()));
  }

  private static Mono<Void> runAll(Database d, List<String> statements) {
    return Flux.fromIterable(statements).concatMap(s -> StatementRunner.run(d, s)).then();
  }

  private static Mono<Void> oneByOne(Database session, List<String> statements) {
    return Mono.defer(() -> {
      List<String> done = new ArrayList<>();
      return Flux.fromIterable(statements)
          .concatMap(s -> StatementRunner.run(session, s)
              .onErrorMap(e -> !(e instanceof dev.sluice.migrations.EnumValueInUseException && done.isEmpty()),
                  e -> new PartialPushException(s, done, e))
              .then(Mono.fromRunnable(() -> done.add(s))))
          .then();
    });
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  /** Options of a {@link Pusher}. */
  public static final class Builder {
    private final Database db;
    private RenameResolver renames = RenameResolver.refuse();
    private boolean allowDataLoss;
    private boolean dryRun;
    private final Set<String> excluded = new LinkedHashSet<>(Set.of("sluice_migrations"));

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
      if (db.connectionFactory() == null) {
        throw new IllegalArgumentException("push needs a connected Database, not a render-only one");
      }
    }

    /** Answers rename questions ({@link RenameResolver#refuse()} by default: every question stays open). */
    public Builder renames(RenameResolver resolver) { this.renames = Objects.requireNonNull(resolver); return this; }

    /** Allow destructive changes (drops, narrowing, {@code NOT NULL}). */
    public Builder allowDataLoss() { this.allowDataLoss = true; return this; }

    /** Compute the plan and its SQL, and change nothing. */
    public Builder dryRun() { this.dryRun = true; return this; }

    /** A table push neither diffs nor drops (besides the history table {@code sluice_migrations}). */
    public Builder exclude(String table) { this.excluded.add(Objects.requireNonNull(table)); return this; }

    public Pusher build() { return new Pusher(this); }
  }
}
