package dev.sluice.spi;

import dev.sluice.sql.InsertQuery;

/**
 * How a dialect writes an insert with a conflict clause ({@code onConflict(...)}), chosen by
 * {@link Capabilities#upsertStyle()} in {@link StandardDialect#newUpsertStrategy()}:
 * {@link OnConflictUpsert}, {@link OnDuplicateKeyUpsert}, {@link MergeUpsert}, or {@link NoUpsert}.
 * A clause strategy renders the plain insert and adds its clause after the rows; a statement
 * strategy (MERGE) renders the whole statement itself.
 */
public abstract class UpsertStrategy extends RendererPart {

  protected UpsertStrategy(StandardDialect dialect) {
    super(dialect);
  }

  /** The strategy of {@code style}, for {@code dialect}. */
  static UpsertStrategy of(Capabilities.UpsertStyle style, StandardDialect dialect) {
    return switch (style) {
      case ON_CONFLICT -> new OnConflictUpsert(dialect);
      case ON_DUPLICATE_KEY -> new OnDuplicateKeyUpsert(dialect);
      case MERGE -> new MergeUpsert(dialect);
      case NONE -> new NoUpsert(dialect);
    };
  }

  /**
   * Renders the insert {@code node}, whose {@link InsertQuery#upsert()} is set: by default the plain
   * insert of the {@link WriteRenderer}, which calls {@link #appendConflictClause} after its rows.
   */
  protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    renderer().writes().appendPlainInsert(node, ctx);
  }

  /** Appends the conflict clause after the inserted rows, for a strategy that is a clause. */
  protected void appendConflictClause(InsertQuery node, RenderContext ctx) {
    throw new IllegalStateException(getClass().getName() + " renders an upsert as a statement of its own");
  }
}
