package dev.sluice.sql;

/**
 * One method per node kind. Adding a node kind adds a method here, so every renderer that does not
 * handle it fails to compile.
 *
 * @param <C> the per-walk context (for renderers: the SQL text and binds being built)
 */
public interface SqlVisitor<C> {
  void visitColumn(ColumnExpr<?> node, C ctx);

  void visitParam(Param<?> node, C ctx);

  void visitAggregate(Aggregate<?> node, C ctx);

  void visitFunction(FunctionCall<?> node, C ctx);

  void visitArithmetic(Arithmetic<?> node, C ctx);

  void visitCase(CaseWhen<?> node, C ctx);

  void visitCast(Cast<?> node, C ctx);

  void visitRaw(RawSql<?> node, C ctx);

  void visitScalarSubquery(ScalarSubquery<?> node, C ctx);

  void visitAliased(Aliased<?> node, C ctx);

  void visitTableRef(TableRef node, C ctx);

  void visitExists(Exists node, C ctx);

  void visitInSubquery(InSubquery node, C ctx);

  void visitComparison(Comparison node, C ctx);

  void visitLogical(Logical node, C ctx);

  void visitNot(Not node, C ctx);

  void visitNullCheck(NullCheck node, C ctx);

  void visitInList(InList node, C ctx);

  void visitBetween(Between node, C ctx);

  void visitLike(Like node, C ctx);

  void visitJsonPath(JsonPath<?> node, C ctx);

  void visitJsonCondition(JsonCondition node, C ctx);

  void visitJsonEdit(JsonEdit<?> node, C ctx);

  void visitSelect(SelectQuery node, C ctx);

  void visitCount(CountQuery node, C ctx);

  void visitInsert(InsertQuery node, C ctx);

  void visitCompound(CompoundSelect node, C ctx);

  void visitInsertSelect(InsertSelect node, C ctx);

  void visitUpdate(UpdateQuery node, C ctx);

  void visitDelete(DeleteQuery node, C ctx);
}
