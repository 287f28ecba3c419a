package dev.sluice.observe;

import reactor.util.context.ContextView;

/**
 * A top-level Sluice transaction about to begin, as a {@link QueryObserver} sees it. Savepoints
 * (nested transactions) are not reported; their statements carry the transaction's id.
 *
 * @param database      the {@code Database}'s name
 * @param dialect       the dialect's name
 * @param transactionId unique per {@code Database}; the statements inside carry it
 * @param name          the name given with {@link QueryName}, or null
 * @param context       the subscriber's Reactor Context
 */
public record TransactionEvent(String database, String dialect, long transactionId, String name,
    ContextView context) {
}
