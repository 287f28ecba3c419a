package dev.sluice.sql;

/** A node of the dialect-neutral SQL syntax tree. Nodes are immutable records. */
public sealed interface SqlNode permits Expr, Condition, Statement {
  /** Double dispatch to the visitor method for this node kind. */
  <C> void accept(SqlVisitor<C> visitor, C context);
}
