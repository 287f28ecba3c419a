package dev.sluice.migrations.runner;

import dev.sluice.Database;
import reactor.core.publisher.Mono;

/**
 * A migration written in Java, for data changes that SQL expresses badly (a backfill computed in
 * code, a split column). It is ordered among the SQL migrations by its {@link #name()}, recorded in
 * the same history with a checksum, and runs in a transaction of its own, with its history row
 * written in that transaction: on PostgreSQL, SQLite and H2 a failure leaves nothing; on MySQL and
 * MariaDB its data changes are undone too, but DDL it runs commits at once and stays. It runs on
 * the runner's session: on SQLite that session has foreign keys off (for the table-rebuild
 * procedure), so check what a data change references, or end with {@code PRAGMA foreign_key_check}.
 *
 * <p>Its name comes from the class, {@code V<yyyyMMddHHmmss>_<name>}: class
 * {@code V20260102000000_backfill_names} is migration {@code 20260102000000_backfill_names}, which
 * runs after the SQL migration {@code 20260101000000_init}. Override {@link #name()} for another
 * class name. The history's checksum is SHA-256 over {@code java:<class name>:<version()>}: the
 * code itself is not hashed, so after changing what an applied migration does, raise
 * {@link #version()}, and every database that applied the old one reports a checksum mismatch, as
 * an edited {@code up.sql} does.
 *
 * <pre>{@code
 * public final class V20260102000000_backfill_names implements JavaMigration {
 *   public Mono<Void> up(Database db) {
 *     return db.update(USERS).set(USERS.name, USERS.email).where(isNull(USERS.name)).execute().then();
 *   }
 *   public Mono<Void> down(Database db) { return Mono.empty(); }   // nothing to undo
 * }
 * // Migrator.builder(db).javaMigrations(new V20260102000000_backfill_names()) or .javaMigrationsIn("com.acme.migrations")
 * }</pre>
 */
public interface JavaMigration {
  /** Applies the change on {@code db}, the migration's transaction. */
  Mono<Void> up(Database db);

  /** Undoes it on {@code db}, the rollback's transaction; emit an error when it cannot be undone. */
  Mono<Void> down(Database db);

  /**
   * The migration's name, which orders it among the others: by default the class's simple name
   * without its leading {@code V} ({@code V20260102000000_backfill} is {@code 20260102000000_backfill}).
   */
  default String name() {
    return JavaMigrations.nameOf(getClass());
  }

  /** Part of the checksum: raise it when an applied migration's code changes meaning (1 by default). */
  default int version() {
    return 1;
  }
}
