package dev.sluice.migrations.seed;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.MigrationLock;
import dev.sluice.migrations.snapshot.PackageScanner;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link Seeder}s on a database: in {@link Seeder#order()}, then name order, each in a
 * transaction of its own with its guard and (for {@link Seeder#once()}) its history row, so a
 * seeder that fails leaves nothing and is not recorded. Cold: nothing runs before subscription.
 * The run holds the {@link MigrationLock} named after the seed history table, on a session of its
 * own, so that two processes seeding together run each seeder once where it is guarded or
 * {@code once()} (the second waits, then finds the history row or the guard's data).
 *
 * <pre>{@code
 * SeedReport r = Seeds.builder(db).seeders(new Countries(), new FakeUsers()).build().run().block();
 * // or Seeds.builder(db).seedersIn("com.acme.seed")          sluice seed --seeders com.acme.seed
 * }</pre>
 */
public final class Seeds {
  private final Database db;
  private final List<Seeder> seeders;
  private final List<String> packages;
  private final SeedHistory history;
  private final Clock clock;
  private final ClassLoader loader;
  private final Duration lockTimeout;

  private Seeds(Builder b) {
    this.db = b.db;
    this.seeders = List.copyOf(b.seeders);
    this.packages = List.copyOf(b.packages);
    this.history = new SeedHistory(b.historyTable);
    this.clock = b.clock;
    this.loader = b.loader;
    this.lockTimeout = b.lockTimeout;
  }

  /** A builder for seeding {@code db}. */
  public static Builder builder(Database db) {
    return new Builder(db);
  }

  /** Runs the seeders; see the class comment. Creates the seed history table if absent. */
  public Mono<SeedReport> run() {
    return Mono.fromCallable(this::ordered).subscribeOn(Schedulers.boundedElastic()).flatMap(all ->
        MigrationLock.around(db, history.name(), lockTimeout, session -> {
          List<String> ran = new ArrayList<>();
          List<String> skipped = new ArrayList<>();
          return session.createTables(history)
              .thenMany(Flux.fromIterable(all).concatMap(s -> runOne(session, s)
                  .doOnNext(did -> (did ? ran : skipped).add(s.name()))))
              .then(Mono.fromCallable(() -> new SeedReport(ran, skipped)));
        }));
  }

  private Mono<Boolean> runOne(Database session, Seeder s) {
    return session.inTransaction(tx -> (s.once() ? tx.selectFrom(history).where(eq(history.name, s.name())).fetch().hasElements()
                : Mono.just(false))
            .flatMap(done -> done ? Mono.just(true) : s.alreadySeeded(tx).defaultIfEmpty(false))
            .flatMap(skip -> skip ? Mono.just(false)
                : s.seed(tx)
                    .onErrorMap(e -> !(e instanceof MigrationException),
                        e -> new MigrationException("Seeder " + s.name() + " failed: " + e.getMessage()
                            + "; its transaction was rolled back", e))
                    .then(s.once() ? tx.insertInto(history).values(new SeedHistory.Entry(s.name(),
                        LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))).execute().then() : Mono.<Void>empty())
                    .thenReturn(true)))
        .single();
  }

  /** The seeders given and found, ordered; two with one name are an error. */
  List<Seeder> ordered() {
    List<Seeder> all = new ArrayList<>(seeders);
    for (String p : packages) {
      List<Seeder> found = new ArrayList<>();
      for (Class<?> k : PackageScanner.classes(p, loader)) {
        if (Seeder.class.isAssignableFrom(k) && !k.isInterface() && !Modifier.isAbstract(k.getModifiers())) {
          try {
            found.add((Seeder) k.getConstructor().newInstance());
          } catch (ReflectiveOperationException e) {
            throw new MigrationException("Cannot create seeder " + k.getName()
                + ": it needs a public constructor without arguments", e);
          }
        }
      }
      if (found.isEmpty()) {
        throw new MigrationException("No Seeder class found in package " + p);
      }
      all.addAll(found);
    }
    Set<String> names = new HashSet<>();
    for (Seeder s : all) {
      if (!names.add(s.name())) {
        throw new MigrationException("Two seeders are named " + s.name() + ": give one another name()");
      }
    }
    all.sort(Comparator.comparingInt(Seeder::order).thenComparing(Seeder::name));
    return all;
  }

  /** Options of {@link Seeds}. */
  public static final class Builder {
    private final Database db;
    private final List<Seeder> seeders = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private String historyTable = "sluice_seeds";
    private Clock clock = Clock.systemUTC();
    private ClassLoader loader = Seeds.class.getClassLoader();
    private Duration lockTimeout = Duration.ofMinutes(5);

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
      if (db.connectionFactory() == null) {
        throw new IllegalArgumentException("Seeding needs a connected Database, not a render-only one");
      }
    }

    /** Seeders to run. */
    public Builder seeders(Seeder... s) {
      for (Seeder x : s) {
        seeders.add(Objects.requireNonNull(x, "seeder"));
      }
      return this;
    }

    /** Runs every concrete {@link Seeder} class of {@code packageName} too (public no-argument constructor). */
    public Builder seedersIn(String packageName) {
      packages.add(Objects.requireNonNull(packageName, "packageName"));
      return this;
    }

    /** The seed history table's name ({@code sluice_seeds} by default). */
    public Builder historyTable(String name) { this.historyTable = Objects.requireNonNull(name); return this; }

    /** The clock for the history's times (UTC system clock by default). */
    public Builder clock(Clock c) { this.clock = Objects.requireNonNull(c); return this; }

    /** The class loader that scans {@link #seedersIn} packages (this library's by default). */
    public Builder classLoader(ClassLoader l) { this.loader = Objects.requireNonNull(l); return this; }

    /** How long MySQL/MariaDB wait for another seeding run's lock (5 minutes by default). */
    public Builder lockTimeout(Duration timeout) { this.lockTimeout = Objects.requireNonNull(timeout); return this; }

    public Seeds build() { return new Seeds(this); }
  }
}
