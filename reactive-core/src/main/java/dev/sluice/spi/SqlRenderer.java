package dev.sluice.spi;

import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Aliased;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Between;
import dev.sluice.sql.CaseWhen;
import dev.sluice.sql.Cast;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.Exists;
import dev.sluice.sql.FunctionCall;
import dev.sluice.sql.InList;
import dev.sluice.sql.InSubquery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;
import dev.sluice.sql.Like;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Not;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.Param;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.ScalarSubquery;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.SqlVisitor;
import dev.sluice.sql.TableRef;
import dev.sluice.sql.UpdateQuery;

/**
 * A dialect's renderer: the visitor over the syntax tree, which hands each node to the part that
 * owns its seam. It has no logic of its own and is never seen outside {@code dev.sluice.spi}: a
 * {@link StandardDialect} assembles one from its parts on first use.
 */
final class SqlRenderer implements SqlVisitor<RenderContext> {
  private final ExpressionRenderer expressions;
  private final SelectRenderer selects;
  private final WriteRenderer writes;
  private final UpsertStrategy upserts;
  private final JsonRenderer json;

  SqlRenderer(ExpressionRenderer expressions, SelectRenderer selects, WriteRenderer writes,
      UpsertStrategy upserts, JsonRenderer json) {
    this.expressions = expressions;
    this.selects = selects;
    this.writes = writes;
    this.upserts = upserts;
    expressions.attach(this);
    selects.attach(this);
    writes.attach(this);
    upserts.attach(this);
    this.json = json;
    json.attach(this);
  }

  SelectRenderer selects() { return selects; }

  WriteRenderer writes() { return writes; }

  UpsertStrategy upserts() { return upserts; }

  @Override public void visitColumn(ColumnExpr<?> node, RenderContext ctx) { expressions.appendColumn(node, ctx); }

  @Override public void visitParam(Param<?> node, RenderContext ctx) { expressions.appendParam(node, ctx); }

  @Override public void visitAggregate(Aggregate<?> node, RenderContext ctx) { expressions.appendAggregate(node, ctx); }

  @Override public void visitFunction(FunctionCall<?> node, RenderContext ctx) { expressions.appendFunction(node, ctx); }

  @Override public void visitArithmetic(Arithmetic<?> node, RenderContext ctx) { expressions.appendArithmetic(node, ctx); }

  @Override public void visitCase(CaseWhen<?> node, RenderContext ctx) { expressions.appendCase(node, ctx); }

  @Override public void visitCast(Cast<?> node, RenderContext ctx) { expressions.appendCast(node, ctx); }

  @Override public void visitRaw(RawSql<?> node, RenderContext ctx) { expressions.appendRaw(node, ctx); }

  @Override public void visitScalarSubquery(ScalarSubquery<?> node, RenderContext ctx) {
    expressions.appendScalarSubquery(node, ctx);
  }

  @Override public void visitExists(Exists node, RenderContext ctx) { expressions.appendExists(node, ctx); }

  @Override public void visitInSubquery(InSubquery node, RenderContext ctx) { expressions.appendInSubquery(node, ctx); }

  @Override public void visitComparison(Comparison node, RenderContext ctx) { expressions.appendComparison(node, ctx); }

  @Override public void visitLogical(Logical node, RenderContext ctx) { expressions.appendLogical(node, ctx); }

  @Override public void visitNot(Not node, RenderContext ctx) { expressions.appendNot(node, ctx); }

  @Override public void visitNullCheck(NullCheck node, RenderContext ctx) { expressions.appendNullCheck(node, ctx); }

  @Override public void visitInList(InList node, RenderContext ctx) { expressions.appendInList(node, ctx); }

  @Override public void visitBetween(Between node, RenderContext ctx) { expressions.appendBetween(node, ctx); }

  @Override public void visitLike(Like node, RenderContext ctx) { expressions.appendLike(node, ctx); }

  @Override public void visitJsonPath(JsonPath<?> node, RenderContext ctx) { json.appendPath(node, ctx); }

  @Override public void visitJsonCondition(JsonCondition node, RenderContext ctx) { json.appendCondition(node, ctx); }

  @Override public void visitJsonEdit(dev.sluice.sql.JsonEdit<?> node, RenderContext ctx) { json.appendEdit(node, ctx); }

  @Override public void visitAliased(Aliased<?> node, RenderContext ctx) { selects.appendAliased(node, ctx); }

  @Override public void visitTableRef(TableRef node, RenderContext ctx) { selects.appendTable(node.table(), ctx); }

  @Override public void visitSelect(SelectQuery node, RenderContext ctx) { selects.appendSelect(node, ctx); }

  @Override public void visitCount(CountQuery node, RenderContext ctx) { selects.appendCount(node, ctx); }

  @Override public void visitCompound(CompoundSelect node, RenderContext ctx) { selects.appendCompound(node, ctx); }

  @Override public void visitInsert(InsertQuery node, RenderContext ctx) { writes.appendInsert(node, ctx); }

  @Override public void visitInsertSelect(InsertSelect node, RenderContext ctx) { writes.appendInsertSelect(node, ctx); }

  @Override public void visitUpdate(UpdateQuery node, RenderContext ctx) { writes.appendUpdate(node, ctx); }

  @Override public void visitDelete(DeleteQuery node, RenderContext ctx) { writes.appendDelete(node, ctx); }
}
