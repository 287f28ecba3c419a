package dev.sluice.migrations.seed;

import dev.sluice.Database;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import net.datafaker.Faker;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fake rows for a table, made by a function of a Datafaker {@link Faker}, for seeders and tests.
 * Immutable: {@link #seed(long)} and {@link #locale(Locale)} return new factories. Each call makes
 * its own {@code Faker}; with a seed, every call makes the same rows. Datafaker
 * ({@code net.datafaker:datafaker}) is an optional dependency: add it to use this class.
 *
 * <pre>{@code
 * Mono<Long> inserted = Factory.of(USERS, faker -> new User(null, faker.name().fullName(), faker.internet().emailAddress()))
 *     .seed(42)
 *     .create(db, 50);     // INSERT INTO "users" ("name", "email") VALUES ($1, $2), ($3, $4), ... (PostgreSQL)
 * }</pre>
 *
 * @param <R> the table's row type
 */
public final class Factory<R> {
  /** Rows per INSERT statement: well under every database's bind-parameter limit for tables of a few dozen columns. */
  static final int CHUNK = 200;
  private final Table<R> table;
  private final Function<Faker, R> make;
  private final Long seed;
  private final Locale locale;

  private Factory(Table<R> table, Function<Faker, R> make, Long seed, Locale locale) {
    this.table = Objects.requireNonNull(table, "table");
    this.make = Objects.requireNonNull(make, "make");
    this.seed = seed;
    this.locale = Objects.requireNonNull(locale, "locale");
  }

  /** A factory of rows for {@code table}, each made by {@code make} from a {@link Faker}. */
  public static <R> Factory<R> of(Table<R> table, Function<Faker, R> make) {
    return new Factory<>(table, make, null, Locale.ENGLISH);
  }

  /** The same factory with a fixed random seed: every call makes the same rows. */
  public Factory<R> seed(long s) {
    return new Factory<>(table, make, s, locale);
  }

  /** The same factory with the faker's locale ({@link Locale#ENGLISH} by default). */
  public Factory<R> locale(Locale l) {
    return new Factory<>(table, make, seed, l);
  }

  /**
   * {@code count} rows, made and not inserted. Blocking: the first use of a {@code Faker} reads its
   * data files; {@link #create} calls it on {@code Schedulers.boundedElastic()}.
   */
  public List<R> make(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("A factory makes zero rows or more, not " + count);
    }
    Faker faker = seed == null ? new Faker(locale) : new Faker(locale, new Random(seed));
    List<R> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(Objects.requireNonNull(make.apply(faker), "the factory's function returned null"));
    }
    return rows;
  }

  /**
   * Makes {@code count} rows and inserts them into the table on {@code db} (in the caller's
   * transaction, if any), {@value #CHUNK} rows per statement; emits how many were inserted.
   */
  public Mono<Long> create(Database db, int count) {
    return Mono.fromCallable(() -> make(count)).subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(rows -> Flux.range(0, (rows.size() + CHUNK - 1) / CHUNK)
            .map(i -> rows.subList(i * CHUNK, Math.min(rows.size(), (i + 1) * CHUNK))))
        .concatMap(chunk -> db.insertInto(table).values(chunk).execute())
        .reduce(0L, Long::sum);
  }
}
