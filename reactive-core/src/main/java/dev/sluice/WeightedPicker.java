package dev.sluice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

/** {@link ReplicaPicker#weighted(Map)}: a random replica in proportion to its weight. */
final class WeightedPicker implements ReplicaPicker {
  private final Map<String, Integer> weights;
  private final Random random = new Random();

  WeightedPicker(Map<String, Integer> weights) {
    Objects.requireNonNull(weights, "weights");
    weights.forEach((name, w) -> {
      if (w == null || w < 1) {
        throw new IllegalArgumentException("The weight of replica " + name + " must be at least 1, was " + w);
      }
    });
    this.weights = Map.copyOf(weights);
  }

  @Override public String pick(List<String> replicas) {
    int total = 0;
    for (String r : replicas) {
      total += weights.getOrDefault(r, 0);
    }
    int at = random.nextInt(total);
    for (String r : replicas) {
      at -= weights.getOrDefault(r, 0);
      if (at < 0) {
        return r;
      }
    }
    return replicas.get(replicas.size() - 1);
  }

  @Override public void check(List<String> replicas) {
    List<String> unweighted = new ArrayList<>(replicas);
    unweighted.removeAll(weights.keySet());
    TreeSet<String> unknown = new TreeSet<>(weights.keySet());
    replicas.forEach(unknown::remove);
    if (!unweighted.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("ReplicaPicker.weighted needs a weight for every replica and a replica "
          + "for every weight: " + (unweighted.isEmpty() ? "" : "no weight for " + unweighted)
          + (unweighted.isEmpty() || unknown.isEmpty() ? "" : ", ")
          + (unknown.isEmpty() ? "" : "no replica named " + unknown) + " (replicas: " + replicas + ")");
    }
  }
}
