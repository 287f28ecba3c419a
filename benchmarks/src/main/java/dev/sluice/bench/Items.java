package dev.sluice.bench;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;

/** The benchmark table; each benchmark uses its own table name so nothing collides with tests. */
public final class Items extends Table<Item> {
  public final Column<Integer> id = integer("id").primaryKey();
  public final Column<String> name = text("name").notNull();
  public final Column<Long> qty = bigint("qty").notNull();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();
  public final Column<Boolean> active = bool("active").notNull();

  public Items(String tableName) { super(tableName); }
}
