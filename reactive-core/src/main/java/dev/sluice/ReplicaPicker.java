package dev.sluice;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the read replica a read goes to, among those in the rotation (a replica taken out after a
 * failure is not offered until a health check brings it back). Given to
 * {@link DatabaseBuilder#replicaPicker}; round-robin by default. A picker is called on the thread of
 * the subscription: it must not block.
 *
 * <pre>{@code
 * Database db = Database.builder().primary(primaryUrl)
 *     .replica("eu-1", eu1).replica("eu-2", eu2).replica("us-1", us1)
 *     .replicaPicker(names -> names.contains("eu-1") ? "eu-1" : names.get(0))   // a function of your own
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ReplicaPicker {

  /**
   * The name of the replica to read from.
   *
   * @param replicas the names of the replicas in the rotation, in the order they were given to the
   *                 builder; never empty (with none left, reads go to the primary without asking)
   * @return one of {@code replicas}; any other value fails the read with an
   *         {@link dev.sluice.error.IllegalUseException}
   */
  String pick(List<String> replicas);

  /**
   * Checks the picker against the names of every replica when the database is built; the default
   * accepts any. Throws {@link IllegalArgumentException} naming what is wrong.
   */
  default void check(List<String> replicas) {}

  /** Each replica in turn (the default). */
  static ReplicaPicker roundRobin() {
    AtomicLong next = new AtomicLong();
    return replicas -> replicas.get((int) Math.floorMod(next.getAndIncrement(), (long) replicas.size()));
  }

  /** A replica chosen at random, each with the same chance. */
  static ReplicaPicker random() {
    Random random = new Random();
    return replicas -> replicas.get(random.nextInt(replicas.size()));
  }

  /**
   * A replica chosen at random in proportion to its weight among those in the rotation:
   * {@code weighted(Map.of("big", 3, "small", 1))} sends about three reads in four to {@code big}.
   * Every replica needs a weight of at least 1, and every name a replica: the builder checks both.
   */
  static ReplicaPicker weighted(Map<String, Integer> weights) {
    return new WeightedPicker(weights);
  }
}
