package dev.sluice.studio;

import dev.sluice.Database;
import dev.sluice.query.RawQuery;
import java.util.List;

/**
 * A statement the studio built: a template for {@link Database#sql} whose identifiers come from the
 * table model (quoted by the dialect) and whose values are all {@code {n}} placeholders, bound.
 */
record Sql(String template, List<Object> args) {
  Sql {
    args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
  }

  /** The statement on {@code db} (in its transaction, when {@code db} is a transaction's). */
  RawQuery on(Database db) {
    return db.sql(template, args.toArray());
  }
}
