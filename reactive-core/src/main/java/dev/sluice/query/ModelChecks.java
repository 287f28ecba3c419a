package dev.sluice.query;

import dev.sluice.error.ValidationException;
import dev.sluice.schema.Column;
import dev.sluice.schema.PendingDelete;
import dev.sluice.schema.PendingUpdate;
import dev.sluice.schema.Table;
import dev.sluice.schema.TableHooks;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Param;
import dev.sluice.validation.RowValidator;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What runs before a write is sent: the table's {@code before*} hooks (unless the query opted out
 * with {@code withoutHooks()}), then the database's {@link RowValidator} on what the hooks emitted.
 * The builders ask {@code needed...} first and keep their plain path when it says no, so a table
 * without hooks on a database without a validator pays two field checks.
 */
final class ModelChecks {
  private ModelChecks() {}

  static boolean neededOnInsert(Table<?> table, WriteContext writes, boolean hooks) {
    return writes.validator() != null || hooks && table.meta().hooks().hasBeforeInsert();
  }

  static boolean neededOnUpdate(Table<?> table, WriteContext writes, boolean hooks) {
    return writes.validator() != null || hooks && table.meta().hooks().hasBeforeUpdate();
  }

  static boolean neededOnDelete(Table<?> table, boolean hooks) {
    return hooks && table.meta().hooks().hasBeforeDelete();
  }

  /** The record to insert: the hooks' result, validated. */
  static <R> Mono<R> beforeInsert(Table<R> table, R row, WriteContext writes, boolean hooks) {
    TableHooks<R> h = table.meta().hooks();
    Mono<R> hooked = hooks && h.hasBeforeInsert() ? h.beforeInsert(row) : Mono.just(row);
    return writes.validator() == null ? hooked : hooked.map(r -> validated(table, r, writes.validator()));
  }

  /** The update to send: the hooks' result, its bound values validated. */
  static <R> Mono<PendingUpdate<R>> beforeUpdate(PendingUpdate<R> update, WriteContext writes, boolean hooks) {
    Table<R> table = update.table();
    TableHooks<R> h = table.meta().hooks();
    Mono<PendingUpdate<R>> hooked = hooks && h.hasBeforeUpdate() ? h.beforeUpdate(update) : Mono.just(update);
    RowValidator v = writes.validator();
    return v == null ? hooked : hooked.map(u -> {
      check(table, assignments(table, u.assignments(), v));
      return u;
    });
  }

  /** The delete to send: the hooks' result. */
  static <R> Mono<PendingDelete<R>> beforeDelete(PendingDelete<R> delete, boolean hooks) {
    TableHooks<R> h = delete.table().meta().hooks();
    return hooks && h.hasBeforeDelete() ? h.beforeDelete(delete) : Mono.just(delete);
  }

  /** {@code row} when it breaks no constraint, else a {@link ValidationException} listing them all. */
  static <R> R validated(Table<R> table, R row, RowValidator validator) {
    check(table, validator.validate(row));
    return row;
  }

  /** Validates the bound values of a partial row, column by column. */
  static void validateValues(Values<?> row, RowValidator validator) {
    Table<?> table = row.table();
    List<ValidationException.Violation> found = new ArrayList<>();
    if (!table.rowType().isRecord()) {
      return;
    }
    List<Column<?>> mapped = table.meta().rowMapping().columns();
    for (Column<?> c : row.columns()) {
      if (mapped.contains(c) && row.valueOf(c) instanceof Param<?> p) {
        found.addAll(validator.validateValue(table.rowType(), c.propertyName(), p.value()));
      }
    }
    check(table, found);
  }

  private static List<ValidationException.Violation> assignments(Table<?> table, List<Assignment<?>> set,
      RowValidator validator) {
    List<ValidationException.Violation> found = new ArrayList<>();
    if (!table.rowType().isRecord()) {
      return found;
    }
    List<Column<?>> mapped = table.meta().rowMapping().columns();
    for (Assignment<?> a : set) {
      if (a.value() instanceof Param<?> p && mapped.contains(a.column())) {
        found.addAll(validator.validateValue(table.rowType(), a.column().propertyName(), p.value()));
      }
    }
    return found;
  }

  private static void check(Table<?> table, List<ValidationException.Violation> found) {
    if (!found.isEmpty()) {
      throw new ValidationException(table.name(), found);
    }
  }
}
