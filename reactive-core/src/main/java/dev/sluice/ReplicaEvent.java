package dev.sluice;

import java.time.Duration;

/**
 * Something that happened to a read replica, given to the callback of
 * {@link DatabaseBuilder#onReplicaEvent}: taken out of the rotation, back in it, or a read moved off
 * it. The callback runs on the thread where it happened (a Reactor or driver thread): it must not
 * block; an exception it throws is logged and ignored. Concurrent reads report concurrently: a
 * replica that fails under several reads is taken out once ({@link Kind#DOWN}) and each read that
 * moved reports {@link Kind#RETRIED}, not necessarily after the {@code DOWN}.
 *
 * <pre>{@code
 * Database.builder().primary(primary).replicas(r1, r2)
 *     .onReplicaEvent(e -> log.warn("replica {} {}", e.replica(), e.kind(), e.cause()))
 * }</pre>
 *
 * @param kind      what happened
 * @param replica   the replica's name ({@code replica-1}, ... or the name given to {@link DatabaseBuilder#replica})
 * @param cause     the failure behind {@link Kind#DOWN} and {@link Kind#RETRIED}; null for {@link Kind#UP}
 * @param backoff   for {@link Kind#DOWN}: how long the replica stays out before a health check; else null
 * @param retriedOn for {@link Kind#RETRIED}: where the read went next, a replica's name or {@code "primary"}; else null
 */
public record ReplicaEvent(Kind kind, String replica, Throwable cause, Duration backoff, String retriedOn) {

  /** What happened to the replica. */
  public enum Kind {
    /**
     * It failed to connect or lost a connection during a read, or a health check failed: out of the
     * rotation for {@link #backoff()}.
     */
    DOWN,
    /** A health check (a connection validated with a round trip) passed: back in the rotation. */
    UP,
    /** A read failed on it before its first row and was run again on {@link #retriedOn()}. */
    RETRIED
  }
}
