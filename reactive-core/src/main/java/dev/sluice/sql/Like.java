package dev.sluice.sql;

/**
 * {@code expr [NOT] LIKE pattern}, or its case-insensitive form.
 *
 * @param expr            the tested string
 * @param pattern         the pattern ({@code %} and {@code _} wildcards)
 * @param caseInsensitive true for ILIKE semantics
 * @param negated         true for {@code NOT LIKE}
 */
public record Like(Expr<String> expr, Expr<String> pattern, boolean caseInsensitive, boolean negated)
    implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitLike(this, ctx); }
}
