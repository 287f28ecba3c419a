package dev.sluice.internal;

import java.time.Duration;

/** Told what happens to replicas; the entry points adapt the public {@code ReplicaEvent} callback to it. */
@FunctionalInterface
public interface ReplicaListener {
  /**
   * @param signal    what happened
   * @param replica   the replica's name
   * @param cause     the failure (null for {@link ReplicaSignal#UP})
   * @param backoff   how long it stays out ({@link ReplicaSignal#DOWN}), else null
   * @param retriedOn where the read went next: a replica's name or {@code "primary"} ({@link ReplicaSignal#RETRIED})
   */
  void on(ReplicaSignal signal, String replica, Throwable cause, Duration backoff, String retriedOn);
}
