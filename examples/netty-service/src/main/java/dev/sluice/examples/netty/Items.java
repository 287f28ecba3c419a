package dev.sluice.examples.netty;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;

/** The example's one table, in code; {@code db.createTables(ITEMS)} makes it if it does not exist. */
public final class Items extends Table<Items.Item> {
  public static final Items ITEMS = new Items();

  public final Column<Long> id = bigserial("id").primaryKey();
  public final Column<String> name = varchar("name", 100).notNull().unique();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().createdAt();

  public Items() { super("items"); }

  /** A row; Sluice fills the id and the creation time on insert. */
  public record Item(Long id, String name, OffsetDateTime createdAt) {}

  /** The body of {@code POST /items}. */
  public record NewItem(String name) {}
}
