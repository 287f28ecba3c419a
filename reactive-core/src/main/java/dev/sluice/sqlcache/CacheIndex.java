package dev.sluice.sqlcache;

import dev.sluice.schema.Column;
import dev.sluice.schema.PrimaryKey;
import dev.sluice.schema.Table;

/** The index table of a {@link SqlQueryCache}: which entries read a table ('t') or carry a tag ('g') (public only for Sluice's table reader; made by the cache). */
public final class CacheIndex extends Table<CacheIndex.Link> {
  /** One entry under one table or tag name, with the entry's expiry, so that expired links can be purged. */
  public record Link(String kind, String name, String id, Long expiresAt) { }

  public final Column<String> kind = fixedChar("kind", 1).notNull();
  public final Column<String> name = varchar("name", 255).notNull();
  public final Column<String> id = varchar("id", 64).notNull();
  public final Column<Long> expiresAt = bigint("expires_at").notNull();
  public final PrimaryKey pk = primaryKey(kind, name, id);

  CacheIndex(String name) {
    super(name);
  }
}
