package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.sql.Upsert;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The conflict step of an upsert:
 *
 * <pre>{@code
 * db.insertInto(USERS).values(u).onConflict(USERS.email).doUpdate(USERS.fullName).execute();
 * // PostgreSQL: INSERT INTO "users" (...) VALUES (...) ON CONFLICT ("email") DO UPDATE SET "full_name" = EXCLUDED."full_name"
 * // MySQL:      INSERT INTO `users` (...) VALUES (...) ON DUPLICATE KEY UPDATE `full_name` = VALUES(`full_name`)
 * // SQL Server / Oracle / H2: MERGE INTO ...
 * }</pre>
 *
 * @param <I> the insert that the choice returns
 */
public final class OnConflict<I> {
  private final List<Column<?>> conflict;
  private final List<Column<?>> mapped;
  private final Function<Upsert, I> next;

  OnConflict(List<Column<?>> conflict, List<Column<?>> mapped, Function<Upsert, I> next) {
    this.conflict = List.copyOf(conflict);
    this.mapped = mapped;
    this.next = next;
  }

  /** Keeps the existing row and skips the new one. */
  public I doNothing() {
    return next.apply(new Upsert(conflict, List.of()));
  }

  /** Overwrites these columns of the existing row with the new row's values. */
  public I doUpdate(Column<?>... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("doUpdate(...) needs at least one column; use doUpdateAll()");
    }
    for (Column<?> c : columns) {
      if (!mapped.contains(c)) {
        throw new IllegalArgumentException("Column " + c + " is not inserted by this statement");
      }
      GeneratedColumns.refuseWrite(c, "an upsert's doUpdate(...) names it");
    }
    return next.apply(new Upsert(conflict, Arrays.asList(columns)));
  }

  /** Overwrites every inserted column except the conflict key. */
  public I doUpdateAll() {
    List<Column<?>> update = mapped.stream()
        .filter(c -> !conflict.contains(c) && !c.isGeneratedAlways()).toList();
    return next.apply(new Upsert(conflict, update));
  }
}
