package dev.sluice.migrations.seed;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.LocalDateTime;

/**
 * The seeders that ran once ({@link Seeder#once()}): table {@code sluice_seeds} by default, with the
 * seeder's name (the key) and when (UTC) it ran.
 */
public final class SeedHistory extends Table<SeedHistory.Entry> {
  /** One seeder that ran. */
  public record Entry(String name, LocalDateTime ranAt) { }

  public final Column<String> name = varchar("name", 255).primaryKey();
  public final Column<LocalDateTime> ranAt = timestamp("ran_at").notNull();

  /** The seed history table named {@code tableName}. */
  public SeedHistory(String tableName) {
    super(tableName);
  }
}
