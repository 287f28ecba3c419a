package dev.sluice.migrations.runner;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.Reports.Applied;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies and undoes one migration on the runner's session, with its history row: a SQL migration
 * in one transaction where DDL is transactional (statements marked {@code -- sluice:outside-transaction}
 * commit just before it) or statement by statement with {@link PartialMigrationException} elsewhere;
 * a Java migration always in a transaction; a repeatable one like a SQL migration, its history row
 * replaced. Each re-reads the history inside its transaction, so a migration another runner applied
 * meanwhile is skipped (reported with {@code statements == -1}).
 */
final class StepRunner {
  private final HistoryTable history;
  private final String appliedBy;
  private final Clock clock;

  StepRunner(HistoryTable history, String appliedBy, Clock clock) {
    this.history = history;
    this.appliedBy = appliedBy;
    this.clock = clock;
  }

  Mono<Applied> apply(Database session, Step step) {
    return step instanceof Step.Java j ? applyJava(session, j) : applySql(session, (Step.Sql) step);
  }

  Mono<Applied> undo(Database session, Step step) {
    if (step instanceof Step.Sql s) {
      return undoSql(session, s.files());
    }
    Step.Java j = (Step.Java) step;
    return Mono.defer(() -> {
      long start = System.nanoTime();
      return session.inTransaction(tx -> j.migration().down(tx)
              .onErrorMap(e -> !(e instanceof MigrationException), e -> new MigrationException(
                  "Java migration " + j.name() + " failed to roll back: " + e.getMessage() + "; its transaction was rolled back", e))
              .then(tx.deleteFrom(history).where(eq(history.name, j.name())).execute())
              .then(Mono.fromCallable(() -> new Applied(j.name(), millisSince(start), 0))))
          .single();
    });
  }

  private Mono<Applied> applyJava(Database session, Step.Java j) {
    return Mono.defer(() -> {
      long start = System.nanoTime();
      return session.inTransaction(tx -> isApplied(tx, j.name()).flatMap(done -> done
              ? Mono.just(new Applied(j.name(), 0, -1))
              : j.migration().up(tx)
                  .onErrorMap(e -> !(e instanceof MigrationException), e -> new MigrationException("Java migration "
                      + j.name() + " failed: " + e.getMessage() + "; its transaction was rolled back"
                      + (tx.dialect().capabilities().ddlIsTransactional() ? ""
                      : " (DDL it ran commits at once on " + tx.dialect().name() + " and stays)"), e))
                  .then(Mono.fromCallable(() -> millisSince(start)))
                  .flatMap(ms -> record(tx, j.name(), j.checksum(), ms, true).thenReturn(new Applied(j.name(), ms, 0)))))
          .single();
    });
  }

  private Mono<Applied> applySql(Database session, Step.Sql s) {
    MigrationFiles f = s.files();
    List<ScriptSplitter.Statement> marked = ScriptSplitter.splitMarked(f.up());
    List<String> statements = marked.stream().map(ScriptSplitter.Statement::sql).toList();
    List<String> first = marked.stream().filter(ScriptSplitter.Statement::outsideTransaction)
        .map(ScriptSplitter.Statement::sql).toList();
    List<String> inTx = marked.stream().filter(x -> !x.outsideTransaction()).map(ScriptSplitter.Statement::sql).toList();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      if (session.dialect().capabilities().ddlIsTransactional()) {
        // marked statements (idempotent, such as ADD VALUE IF NOT EXISTS) commit first, on their own
        Mono<Void> before = isApplied(session, f.name()).flatMap(done -> done ? Mono.<Void>empty()
            : runAll(session, first));
        return before.then(session.inTransaction(tx -> isApplied(tx, f.name()).flatMap(done -> done
                ? Mono.just(new Applied(f.name(), 0, -1))
                : runAll(tx, inTx)
                    .then(Mono.fromCallable(() -> millisSince(start)))
                    .flatMap(ms -> record(tx, f.name(), f.checksum(), ms, true)
                        .thenReturn(new Applied(f.name(), ms, statements.size())))))
            .single());
      }
      return isApplied(session, f.name()).flatMap(already -> already ? Mono.just(new Applied(f.name(), 0, -1))
          : runOneByOne(session, f.name(), statements)
              .then(Mono.defer(() -> record(session, f.name(), f.checksum(), millisSince(start), true)
                  .thenReturn(new Applied(f.name(), millisSince(start), statements.size()))))
              // a dead session cannot record the failure: the statement's error is what the operator needs
              .onErrorResume(PartialMigrationException.class,
                  e -> record(session, f.name(), f.checksum(), millisSince(start), false)
                      .onErrorResume(x -> Mono.fromRunnable(() -> e.addSuppressed(x)))
                      .then(Mono.error(e))));
    });
  }

  private Mono<Applied> undoSql(Database session, MigrationFiles f) {
    List<ScriptSplitter.Statement> marked = ScriptSplitter.splitMarked(f.down());
    boolean transactional = session.dialect().capabilities().ddlIsTransactional();
    List<String> first = transactional ? marked.stream().filter(ScriptSplitter.Statement::outsideTransaction)
        .map(ScriptSplitter.Statement::sql).toList() : List.of();
    List<String> rest = marked.stream().map(ScriptSplitter.Statement::sql).filter(s -> !first.contains(s)).toList();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      Function<Database, Mono<Applied>> work = d -> runAll(d, rest)
          .then(d.deleteFrom(history).where(eq(history.name, f.name())).execute())
          .then(Mono.fromCallable(() -> new Applied(f.name(), millisSince(start), marked.size())));
      return transactional ? runAll(session, first).then(session.inTransaction(work::apply).single()) : work.apply(session);
    });
  }

  /**
   * Runs a repeatable migration when the history's checksum for it differs from its file's (or it
   * has none), replacing its history row; {@code statements == -1} when it was up to date.
   */
  Mono<Applied> repeat(Database session, Repeatable r) {
    List<String> statements = ScriptSplitter.splitMarked(r.up()).stream().map(ScriptSplitter.Statement::sql).toList();
    boolean transactional = session.dialect().capabilities().ddlIsTransactional();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      Function<Database, Mono<Applied>> work = d -> recordedChecksum(d, r.name()).map(c -> c.equals(r.checksum()))
          .defaultIfEmpty(false).flatMap(same -> same ? Mono.just(new Applied(r.name(), 0, -1))
              : (transactional ? runAll(d, statements) : runOneByOne(d, r.name(), statements))
                  .then(d.deleteFrom(history).where(eq(history.name, r.name())).execute())
                  .then(Mono.defer(() -> record(d, r.name(), r.checksum(), millisSince(start), true)))
                  .then(Mono.fromCallable(() -> new Applied(r.name(), millisSince(start), statements.size()))));
      return transactional ? session.inTransaction(work::apply).single() : work.apply(session);
    });
  }

  /** Runs a repeatable migration's {@code .down.sql} (if any) and deletes its history row. */
  Mono<Applied> undoRepeatable(Database session, Repeatable r) {
    List<String> statements = r.down() == null ? List.of()
        : ScriptSplitter.splitMarked(r.down()).stream().map(ScriptSplitter.Statement::sql).toList();
    return Mono.defer(() -> {
      long start = System.nanoTime();
      Function<Database, Mono<Applied>> work = d -> runAll(d, statements)
          .then(d.deleteFrom(history).where(eq(history.name, r.name())).execute())
          .then(Mono.fromCallable(() -> new Applied(r.name(), millisSince(start), statements.size())));
      return session.dialect().capabilities().ddlIsTransactional()
          ? session.inTransaction(work::apply).single() : work.apply(session);
    });
  }

  private static Mono<Void> runAll(Database d, List<String> statements) {
    return Flux.fromIterable(statements).concatMap(s -> StatementRunner.run(d, s)).then();
  }

  /** Runs statements one by one; a failure names the failed statement and those applied before it. */
  private static Mono<Void> runOneByOne(Database d, String migration, List<String> statements) {
    List<String> done = new ArrayList<>();
    return Flux.fromIterable(statements)
        .concatMap(s -> StatementRunner.run(d, s)
            .onErrorMap(e -> !(e instanceof PartialMigrationException)
                && !(e instanceof dev.sluice.migrations.EnumValueInUseException && done.isEmpty()), e -> Repeatable.isRepeatable(migration)
                ? new PartialMigrationException(migration, done.size(), s, done, e,
                    "repair by hand (or fix the file); it runs again at the next migrate, as its history row was not replaced")
                : new PartialMigrationException(migration, done.size(), s, done, e))
            .then(Mono.fromRunnable(() -> done.add(s))))
        .then();
  }

  static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private Mono<Boolean> isApplied(Database session, String name) {
    return session.selectFrom(history).where(eq(history.name, name)).fetch().hasElements();
  }

  private Mono<String> recordedChecksum(Database session, String name) {
    return session.selectFrom(history).where(eq(history.name, name)).fetch().next().map(HistoryTable.Entry::checksum);
  }

  /** The history row of a migration recorded by a baseline: its checksum, {@link HistoryTable#BASELINE_DURATION}, nothing run. */
  Mono<Void> baseline(Database tx, Step step) {
    return record(tx, step.name(), step.checksum(), HistoryTable.BASELINE_DURATION, true);
  }

  private Mono<Void> record(Database session, String name, String checksum, long ms, boolean success) {
    return session.insertInto(history).values(new HistoryTable.Entry(name, checksum,
        LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), ms, appliedBy, success)).execute().then();
  }
}
