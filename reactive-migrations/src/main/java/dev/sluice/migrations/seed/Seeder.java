package dev.sluice.migrations.seed;

import dev.sluice.Database;
import reactor.core.publisher.Mono;

/**
 * Puts data into a database: reference rows every environment needs, or fake rows for development
 * ({@link Factory}). {@link Seeds} runs seeders in {@link #order()}, then name order, each in a
 * transaction of its own.
 *
 * <p>Idempotence is the seeder's to declare, in one of two ways:
 * <ul>
 *   <li>{@link #once()}: the seeder runs once per database, recorded in the seed history table
 *       ({@code sluice_seeds}) in its transaction; later runs skip it;</li>
 *   <li>{@link #alreadySeeded(Database)}: a guard read in the seeder's transaction; when it emits
 *       true the seeder is skipped (for example: a country with this code exists already).</li>
 * </ul>
 * A seeder that declares neither runs every time.
 *
 * <pre>{@code
 * public final class Countries implements Seeder {
 *   public int order() { return 1; }
 *   public boolean once() { return true; }
 *   public Mono<Void> seed(Database db) {
 *     return db.insertInto(COUNTRIES).values(List.of(new Country(null, "France"), new Country(null, "Japan"))).execute().then();
 *   }
 * }
 * }</pre>
 */
public interface Seeder {
  /** Writes the seed data on {@code db}, the seeder's transaction. */
  Mono<Void> seed(Database db);

  /** The name the history and reports use: the class's simple name by default. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Seeders run by ascending order, then by name (0 by default). */
  default int order() {
    return 0;
  }

  /** True: run once per database, recorded in the seed history (false by default). */
  default boolean once() {
    return false;
  }

  /** A guard read before seeding, in the same transaction: true skips the seeder (false by default). */
  default Mono<Boolean> alreadySeeded(Database db) {
    return Mono.just(false);
  }
}
