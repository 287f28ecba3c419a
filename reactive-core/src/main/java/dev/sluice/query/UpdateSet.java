package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Field;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE with its assignments; finish it with {@link #where} or {@link #all}.
 *
 * @param <R> the row record
 */
public final class UpdateSet<R> {
  private final Executor executor;
  private final Table<R> table;
  private final List<Assignment<?>> assignments;
  private final List<Table<?>> from;
  private final WriteContext writes;

  UpdateSet(Executor executor, Table<R> table, List<Assignment<?>> assignments, WriteContext writes) {
    this(executor, table, assignments, List.of(), writes);
  }

  private UpdateSet(Executor executor, Table<R> table, List<Assignment<?>> assignments,
      List<Table<?>> from, WriteContext writes) {
    this.writes = writes;
    this.executor = executor;
    this.table = table;
    this.assignments = List.copyOf(assignments);
    this.from = List.copyOf(from);
  }

  /**
   * Reads other tables too ({@code UPDATE ... FROM}): values and filter may use their columns, and
   * the filter joins them to the updated table.
   *
   * <pre>{@code
   * db.update(CITIES).set(CITIES.name, concat(CITIES.name, COUNTRIES.name)).from(COUNTRIES)
   *     .where(eq(CITIES.countryId, COUNTRIES.id)).execute();
   * // PostgreSQL: UPDATE "cities" SET "name" = ("cities"."name" || "countries"."name") FROM "countries"
   * //             WHERE "cities"."country_id" = "countries"."id"
   * // MySQL:      UPDATE `cities`, `countries` SET `cities`.`name` = ... WHERE ...
   * // Oracle:     UPDATE "cities" SET "name" = (SELECT ... FROM "countries" WHERE ...) WHERE EXISTS (...)
   * }</pre>
   */
  public UpdateSet<R> from(Table<?>... tables) {
    List<Table<?>> all = new ArrayList<>(from);
    for (Table<?> t : tables) {
      if (t == table || all.contains(t)) {
        throw new IllegalArgumentException("Table " + t + " is already part of this UPDATE");
      }
      all.add(t);
    }
    return new UpdateSet<>(executor, table, assignments, all, writes);
  }

  /** Adds {@code SET column = value} (bound). */
  public <T> UpdateSet<R> set(Column<T> column, T value) {
    return add(new Assignment<>(own(column), new Param<>(value, column.dataType())));
  }

  /** Adds {@code SET column = expression}. */
  public <T> UpdateSet<R> set(Column<T> column, Field<T> value) {
    return add(new Assignment<>(own(column), value.expr()));
  }

  /** Adds {@code SET column = column + n}; {@code n} is bound. */
  public <T extends Number> UpdateSet<R> increment(Column<T> column, T n) {
    return set(column, Functions.add(own(column), java.util.Objects.requireNonNull(n, "n")));
  }

  /** Adds {@code SET column = column - n}; {@code n} is bound. */
  public <T extends Number> UpdateSet<R> decrement(Column<T> column, T n) {
    return set(column, Functions.subtract(own(column), java.util.Objects.requireNonNull(n, "n")));
  }

  /** Adds {@code SET column = NULL}. */
  public <T> UpdateSet<R> setNull(Column<T> column) {
    return add(new Assignment<>(own(column), new Param<>(null, column.dataType())));
  }

  /** Updates the rows matching {@code condition}. */
  public UpdateWhere<R> where(Condition condition) {
    return new UpdateWhere<>(executor, table, assignments, java.util.Objects.requireNonNull(condition), from, writes);
  }

  /** Updates every row of the table, explicitly. */
  public UpdateWhere<R> all() {
    return new UpdateWhere<>(executor, table, assignments, null, from, writes);
  }

  private UpdateSet<R> add(Assignment<?> a) {
    List<Assignment<?>> next = new ArrayList<>(assignments);
    next.add(a);
    return new UpdateSet<>(executor, table, next, from, writes);
  }

  private <T> Column<T> own(Column<T> column) {
    if (column.table() != table) {
      throw new IllegalArgumentException("Column " + column + " does not belong to table "
          + table.name());
    }
    GeneratedColumns.refuseWrite(column, "an update sets it");
    return column;
  }
}
