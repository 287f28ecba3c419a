package dev.sluice.internal;

import dev.sluice.observe.ReadRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The read counts of a {@link ReplicaRouter}: one adder per target, fixed when it is built. */
final class RoutingCounts implements ReadRouting {
  private final LongAdder primary = new LongAdder();
  private final Map<String, LongAdder> byName = new LinkedHashMap<>();
  private final List<String> targets;

  RoutingCounts(List<ReplicaNode> nodes) {
    List<String> names = new ArrayList<>();
    names.add(PRIMARY);
    byName.put(PRIMARY, primary);
    for (ReplicaNode n : nodes) {
      names.add(n.name());
      byName.put(n.name(), n.reads());
    }
    this.targets = List.copyOf(names);
  }

  void toPrimary() {
    primary.increment();
  }

  @Override public List<String> targets() {
    return targets;
  }

  @Override public long reads(String target) {
    LongAdder a = byName.get(target);
    return a == null ? 0 : a.sum();
  }
}
