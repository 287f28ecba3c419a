/**
 * Seeing what the data layer does: a {@link dev.sluice.observe.QueryObserver} hears every statement
 * and transaction of a {@code Database} (before it runs, and how it ended), {@link
 * dev.sluice.observe.SqlLogger} logs them through SLF4J, and {@link dev.sluice.observe.QueryName}
 * names the statements of one subscription. The {@code sluice-micrometer} module turns them into
 * Micrometer observations.
 */
package dev.sluice.observe;
