/**
 * The query cache: {@link dev.sluice.cache.QueryCache} is where cached results live (in memory with
 * {@link dev.sluice.cache.InMemoryQueryCache}), and a {@code Database} built with
 * {@code DatabaseBuilder.cache(...)} fills it from {@code query.cached(...)} and empties what a write
 * through it made stale.
 */
package dev.sluice.cache;
