package dev.sluice.migrations.runner;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.LocalDateTime;

/**
 * The history of applied migrations, a Sluice table ({@code sluice_migrations} by default) created
 * with the dialect's own DDL: name (the key; {@code repeatable/<name>} for a repeatable migration),
 * checksum (of {@code up.sql}, of a Java migration's class and version, of a repeatable's SQL), when (UTC) and by whom it
 * was applied, how long it took ({@link #BASELINE_DURATION} for a baselined migration), and whether it succeeded (a failed row is left only where DDL is
 * not transactional, and blocks further runs until repaired).
 */
public final class HistoryTable extends Table<HistoryTable.Entry> {
  /** The {@code duration_ms} of a row written by {@link Migrator#baseline}: the migration was recorded, never run. */
  public static final long BASELINE_DURATION = -1L;


  /** One applied (or failed) migration. */
  public record Entry(String name, String checksum, LocalDateTime appliedAt, Long durationMs, String appliedBy,
                      Boolean success) { }

  public final Column<String> name = varchar("name", 255).primaryKey();
  public final Column<String> checksum = varchar("checksum", 64).notNull();
  public final Column<LocalDateTime> appliedAt = timestamp("applied_at").notNull();
  public final Column<Long> durationMs = bigint("duration_ms").notNull();
  public final Column<String> appliedBy = varchar("applied_by", 255).notNull();
  public final Column<Boolean> success = bool("success").notNull();

  /** The history table named {@code tableName}. */
  public HistoryTable(String tableName) {
    super(tableName);
  }
}
