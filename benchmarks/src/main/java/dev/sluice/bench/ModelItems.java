package dev.sluice.bench;

import dev.sluice.schema.Column;
import dev.sluice.schema.Hook;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * {@link Items} with the model layer switched on: {@code created_at} as {@code createdAt()}, an
 * {@code updated_at} column ({@code updatedAt()}), soft delete ({@code deleted_at}, so every read
 * adds {@code deleted_at IS NULL}) and an {@code afterFetch} hook that gives the record back as it
 * is. What the model layer costs on a read, beside the plain table in the same run.
 */
public final class ModelItems extends Table<ModelItem> {
  public final Column<Integer> id = integer("id").primaryKey();
  public final Column<String> name = text("name").notNull();
  public final Column<Long> qty = bigint("qty").notNull();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().createdAt();
  public final Column<Boolean> active = bool("active").notNull();
  public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").updatedAt();
  public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at").deletedAt();

  public final Hook<ModelItem> asRead = afterFetch(Mono::just);

  public ModelItems(String tableName) { super(tableName); }
}
