package dev.sluice.sqlcache;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

/** The table of a {@link SqlQueryCache}: one row per cached result (public only for Sluice's table reader; made by the cache). */
public final class CacheEntries extends Table<CacheEntries.Entry> {
  /** One cached result: the digest of its key, the key itself, its rows and when it expires (epoch ms). */
  public record Entry(String id, String cacheKey, byte[] rowsData, Long expiresAt) { }

  public final Column<String> id = varchar("id", 64).primaryKey();
  public final Column<String> cacheKey = text("cache_key").notNull();
  public final Column<byte[]> rowsData = bytes("rows_data").notNull();
  public final Column<Long> expiresAt = bigint("expires_at").notNull();

  CacheEntries(String name) {
    super(name);
  }
}
