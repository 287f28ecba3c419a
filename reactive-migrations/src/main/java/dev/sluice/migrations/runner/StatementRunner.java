package dev.sluice.migrations.runner;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.EnumValueInUseException;
import dev.sluice.migrations.MigrationException;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Runs one statement of a migration script through {@code db.sql(...)}, so that it takes part in the
 * surrounding transaction and errors come back typed. The statement has no parameters: its braces
 * are escaped for the raw-SQL template. A {@code PRAGMA foreign_key_check} (SQLite's rebuild) fails
 * when it returns a row, naming the violations; an enum-value guard ({@code SELECT
 * 'sluice:enum-value-in-use' ...}) fails with an {@link EnumValueInUseException} when its count is not zero.
 */
public final class StatementRunner {
  private StatementRunner() { }

  /** Runs {@code sql}; completes when it has. */
  public static Mono<Void> run(Database db, String sql) {
    String template = sql.replace("{", "{{");
    if (sql.trim().toUpperCase(Locale.ROOT).startsWith("PRAGMA FOREIGN_KEY_CHECK")) {
      return db.sql(template).fetch().collectList().flatMap(rows -> rows.isEmpty() ? Mono.<Void>empty()
          : Mono.error(new MigrationException("Foreign keys are violated after the table rebuild: " + describe(rows)
              + " (" + sql + ")")));
    }
    if (sql.startsWith("SELECT '" + dev.sluice.migrations.sql.MigrationScript.ENUM_VALUE_GUARD + "'")) {
      return db.sql(template).fetch().concatMap(r -> {
        long count = r.get("row_count", Long.class);
        return count == 0 ? Mono.<Void>empty() : Mono.<Void>error(new EnumValueInUseException(
            r.get("table_name", String.class), r.get("column_name", String.class), r.get("label", String.class), count));
      }).then();
    }
    if (sql.startsWith("SELECT '" + dev.sluice.migrations.sql.MigrationScript.TRIGGER_GUARD + "'")) {
      return db.sql(template).fetch().concatMap(r -> r.get("row_count", Long.class) == 0 ? Mono.<Void>empty()
          : Mono.<Void>error(new MigrationException("Table " + r.get("table_name", String.class) + " has triggers ("
              + r.get("triggers", String.class) + ") that SQLite's table rebuild would drop; drop them before this"
              + " migration and create them again after it (nothing was changed)"))).then();
    }
    return db.sql(template).fetch().then();
  }

  private static String describe(List<Row> rows) {
    StringBuilder s = new StringBuilder();
    for (Row r : rows.subList(0, Math.min(rows.size(), 5))) {
      s.append(s.isEmpty() ? "" : "; ").append("row ").append(r.get("rowid", Object.class)).append(" of ")
          .append(r.get("table", Object.class)).append(" references missing ").append(r.get("parent", Object.class));
    }
    return rows.size() + " row(s): " + s;
  }
}
