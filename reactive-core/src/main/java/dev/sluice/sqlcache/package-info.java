/**
 * Query cache stores that keep cached rows in a database: {@link dev.sluice.sqlcache.SqlQueryCache},
 * for deployments that share cached reads between instances without a Redis.
 */
package dev.sluice.sqlcache;
