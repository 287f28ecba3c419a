package dev.sluice.observe;

import java.util.List;

/**
 * Where a {@code Database}'s reads went, counted since it was built: each read that replicas could
 * serve (not one inside a transaction or sent to the primary with {@code onPrimary()}) counts once
 * for the replica it ran on, or for the primary when it went there (no replica in the rotation, the
 * read-your-writes window, or a failover that ended on the primary); a read retried on another
 * replica counts for both. Live and thread-safe: each call reads the current counts. Micrometer
 * exposes them as counters ({@code sluice-micrometer}'s {@code ReplicaMetrics.bindReads}).
 */
public interface ReadRouting {
  /** The name the primary is counted under. */
  String PRIMARY = "primary";

  /** A database without replicas: nothing is routed. */
  ReadRouting NONE = new ReadRouting() {
    @Override public List<String> targets() { return List.of(); }

    @Override public long reads(String target) { return 0; }
  };

  /** {@link #PRIMARY}, then each replica's name; empty for a database without replicas. */
  List<String> targets();

  /** The reads that went to {@code target} so far; 0 for a name that is not a target. */
  long reads(String target);
}
