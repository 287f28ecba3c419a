package dev.sluice.internal;

/** What happened to a replica; the public {@code ReplicaEvent.Kind} mirrors it. */
public enum ReplicaSignal {
  /** It failed to connect or dropped a connection, or a health check failed: out for a back-off period. */
  DOWN,
  /** A health check after its back-off passed: back in the rotation. */
  UP,
  /** A read failed on it before its first row and was run again elsewhere. */
  RETRIED
}
