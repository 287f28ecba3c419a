package dev.sluice.internal;

import dev.sluice.schema.Column;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Between;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InList;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Join;
import dev.sluice.sql.Like;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Not;
import dev.sluice.sql.Param;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import java.util.List;

/**
 * Finds the column a bound value was given for, to name it in an error: the inserted column, the
 * assigned column, or the column a condition compares it with. Used only when a value is refused.
 */
final class BoundColumns {
  private BoundColumns() {}

  /** The column {@code driverValue} (as bound) was given for in {@code statement}, or null. */
  static Column<?> columnOf(Statement statement, Object driverValue) {
    if (statement instanceof InsertQuery insert) {
      for (List<Expr<?>> row : insert.rows()) {
        for (int c = 0; c < row.size(); c++) {
          if (holds(row.get(c), driverValue)) {
            return insert.columns().get(c);
          }
        }
      }
      return null;
    }
    if (statement instanceof UpdateQuery update) {
      for (Assignment<?> a : update.assignments()) {
        if (holds(a.value(), driverValue)) {
          return a.column();
        }
      }
      return in(update.where(), driverValue);
    }
    if (statement instanceof DeleteQuery delete) {
      return in(delete.where(), driverValue);
    }
    if (statement instanceof SelectQuery select) {
      Column<?> found = in(select.where(), driverValue);
      for (Join j : select.joins()) {
        found = found != null ? found : in(j.on(), driverValue);
      }
      return found != null ? found : in(select.having(), driverValue);
    }
    if (statement instanceof CompoundSelect compound) {
      for (SelectQuery part : compound.parts()) {
        Column<?> found = columnOf(part, driverValue);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The table a write goes to, or null. */
  static String tableOf(Statement statement) {
    if (statement instanceof InsertQuery i) {
      return i.table().name();
    }
    if (statement instanceof UpdateQuery u) {
      return u.table().name();
    }
    return statement instanceof DeleteQuery d ? d.table().name() : null;
  }

  private static Column<?> in(Condition condition, Object v) {
    if (condition instanceof Comparison c) {
      return pair(c.left(), c.right(), v);
    }
    if (condition instanceof Logical l) {
      for (Condition operand : l.operands()) {
        Column<?> found = in(operand, v);
        if (found != null) {
          return found;
        }
      }
    } else if (condition instanceof Not n) {
      return in(n.condition(), v);
    } else if (condition instanceof InList l) {
      for (Expr<?> e : l.values()) {
        if (holds(e, v)) {
          return column(l.expr());
        }
      }
    } else if (condition instanceof Between b) {
      return holds(b.low(), v) || holds(b.high(), v) ? column(b.expr()) : null;
    } else if (condition instanceof Like l) {
      return holds(l.pattern(), v) ? column(l.expr()) : null;
    }
    return null;
  }

  private static Column<?> pair(Expr<?> left, Expr<?> right, Object v) {
    if (holds(right, v)) {
      return column(left);
    }
    return holds(left, v) ? column(right) : null;
  }

  private static Column<?> column(Expr<?> e) {
    return e instanceof ColumnExpr<?> c ? c.column() : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean holds(Expr<?> e, Object driverValue) {
    if (!(e instanceof Param p) || p.value() == null) {
      return false;
    }
    Object bound = p.type().toDriver(p.value());
    return bound == driverValue || bound.equals(driverValue);
  }
}
