package dev.sluice.query;

import dev.sluice.schema.DataType;
import dev.sluice.sql.CaseWhen;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Field;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CASE} expression being built: {@code when(c1, v1).when(c2, v2).otherwise(v3)}. Usable as a
 * field at any step (without ELSE, unmatched rows give null).
 *
 * @param <T> the value type
 */
public final class CaseBuilder<T> implements Field<T> {
  private final List<CaseWhen.When<T>> whens;
  private final DataType<T> type;
  private final CaseWhen<T> node;

  CaseBuilder(List<CaseWhen.When<T>> whens, DataType<T> type) {
    this.whens = List.copyOf(whens);
    this.type = type;
    this.node = new CaseWhen<>(this.whens, null, type);
  }

  /** Adds {@code WHEN condition THEN value}. */
  public CaseBuilder<T> when(Condition condition, Field<T> value) {
    List<CaseWhen.When<T>> next = new ArrayList<>(whens);
    next.add(new CaseWhen.When<>(condition, value.expr()));
    return new CaseBuilder<>(next, type);
  }

  /** Adds {@code WHEN condition THEN value} with a bound value. */
  public CaseBuilder<T> when(Condition condition, T value) {
    return when(condition, new Param<>(value, type));
  }

  /** Finishes with {@code ELSE value}. */
  public Field<T> otherwise(T value) {
    return new CaseWhen<>(whens, new Param<>(value, type), type);
  }

  /** Finishes with {@code ELSE field}. */
  public Field<T> otherwise(Field<T> value) {
    return new CaseWhen<>(whens, value.expr(), type);
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public Expr<T> expr() { return node; }
}
