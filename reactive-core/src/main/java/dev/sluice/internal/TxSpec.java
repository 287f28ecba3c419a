package dev.sluice.internal;

import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import reactor.util.retry.Retry;

/**
 * What {@link TransactionRunner} needs of a transaction's options, built from the public
 * {@code TxOptions} by the entry points (so that execution does not depend on them).
 *
 * @param definition what {@code BEGIN} asks for (isolation, read-only), null for a plain BEGIN
 * @param timeout    how long the body may run, null for no limit
 * @param retry      how a failed top-level transaction is re-run, null for never
 */
public record TxSpec(TransactionDefinition definition, Duration timeout, Retry retry) {
  /** A plain transaction: no options, no limit, no retry. */
  public static final TxSpec DEFAULTS = new TxSpec(null, null, null);
}
