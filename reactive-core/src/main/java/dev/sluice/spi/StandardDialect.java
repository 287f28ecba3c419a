package dev.sluice.spi;

import dev.sluice.error.SluiceException;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.List;

/**
 * The standard-SQL dialect, which every dialect extends: its name, {@link Capabilities}, identifier
 * quoting, bind markers and type names, and the parts that do the rest, one seam each:
 * <ul>
 *   <li>rendering: {@link ExpressionRenderer} (values and conditions), {@link SelectRenderer}
 *       (reads), {@link WriteRenderer} (inserts, updates, deletes, returned columns) and the
 *       {@link UpsertStrategy} of {@link Capabilities#upsertStyle()}, assembled into one renderer
 *       that visits the syntax tree;</li>
 *   <li>DDL: {@link DdlRenderer};</li>
 *   <li>errors: {@link ErrorClassifier}.</li>
 * </ul>
 * A dialect overrides the factory of the part that differs ({@link #newSelectRenderer()}, ...) to
 * hand out its own subclass, whose protected hooks say what differs. The parts are built once, on
 * first use; all walk state lives in the {@link RenderContext}.
 */
public class StandardDialect implements Dialect {
  private volatile SqlRenderer renderer;
  private volatile DdlRenderer ddl;
  private volatile ErrorClassifier errors;

  @Override public String name() { return "standard"; }

  @Override public Capabilities capabilities() { return Capabilities.standard(); }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) { return false; }

  @Override public final RenderedSql render(Statement statement) {
    RenderContext ctx = RenderContext.full(this);
    statement.accept(renderer(), ctx);
    return ctx.result();
  }

  /** {@code statement}'s SQL with every value written by {@code literals}, for DDL (a view's query). */
  final String renderInline(Statement statement, java.util.function.Function<Bind, String> literals) {
    RenderContext ctx = RenderContext.inline(this, literals);
    statement.accept(renderer(), ctx);
    return ctx.result().sql();
  }

  @Override public final List<Bind> binds(Statement statement) {
    RenderContext ctx = RenderContext.bindsOnly(this);
    statement.accept(renderer(), ctx);
    return ctx.binds();
  }

  /** Double-quotes an identifier, doubling embedded quotes. */
  @Override public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * Appends the marker for the bind at 0-based {@code index}; standard SQL uses {@code ?}. The type is
   * null for a value bound with {@link RenderContext#bindDriverValue}.
   */
  protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('?');
  }

  /** The SQL type name of a column type, e.g. {@code character varying(256)}. */
  @Override public String typeName(DataType<?> type) {
    return DdlRenderer.standardTypeName(type);
  }

  /** The statements that create {@code table}; for a {@link dev.sluice.schema.View}, the view's. */
  @Override public List<String> createTable(Table<?> table) {
    return table instanceof dev.sluice.schema.View<?> v ? ddl().createView(v) : ddl().createTable(table);
  }

  /** The statements that drop {@code table}; for a {@link dev.sluice.schema.View}, the view's. */
  @Override public List<String> dropTable(Table<?> table) {
    return table instanceof dev.sluice.schema.View<?> v ? ddl().dropView(v) : ddl().dropTable(table);
  }

  @Override public SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    return errors().translate(error, sql, revealBinds);
  }

  @Override public boolean isConnectionLost(Throwable error) {
    return errors().isConnectionLost(error);
  }

  // ---- the parts ----------------------------------------------------------------------------

  /** The renderer of values and conditions. */
  protected ExpressionRenderer newExpressionRenderer() {
    return new ExpressionRenderer(this);
  }

  /** The renderer of reads. */
  protected SelectRenderer newSelectRenderer() {
    return new SelectRenderer(this);
  }

  /** The renderer of inserts, updates and deletes. */
  protected WriteRenderer newWriteRenderer() {
    return new WriteRenderer(this);
  }

  /** How an upsert is written: the standard strategy of {@link Capabilities#upsertStyle()}. */
  protected UpsertStrategy newUpsertStrategy() {
    return UpsertStrategy.of(capabilities().upsertStyle(), this);
  }

  /** The renderer of JSON paths and tests ({@code Json.text(...)}, {@code Json.hasPath(...)}). */
  protected JsonRenderer newJsonRenderer() {
    return new JsonRenderer(this);
  }

  /** The renderer of CREATE and DROP statements. */
  protected DdlRenderer newDdlRenderer() {
    return new DdlRenderer(this);
  }

  /** The classifier of driver errors. */
  protected ErrorClassifier newErrorClassifier() {
    return new ErrorClassifier();
  }

  /** This dialect's DDL renderer, built on first use. */
  protected final DdlRenderer ddl() {
    DdlRenderer d = ddl;
    if (d == null) {
      d = newDdlRenderer();
      ddl = d;
    }
    return d;
  }

  /** This dialect's error classifier, built on first use. */
  protected final ErrorClassifier errors() {
    ErrorClassifier e = errors;
    if (e == null) {
      e = newErrorClassifier();
      errors = e;
    }
    return e;
  }

  /**
   * An expression of the schema code (a generated column's) as SQL text for DDL: columns
   * unqualified, and no value bound, since DDL has no bind parameters.
   */
  final String renderSchemaExpression(dev.sluice.sql.Expr<?> expression, String where) {
    RenderContext ctx = RenderContext.full(this);
    expression.accept(renderer(), ctx);
    RenderedSql r = ctx.result();
    if (!r.binds().isEmpty()) {
      throw new IllegalArgumentException("The expression of " + where + " binds " + r.binds().size()
          + " value(s), which DDL cannot hold: write it in SQL (generatedAlways(\"...\")) instead");
    }
    return r.sql();
  }

  private SqlRenderer renderer() {
    SqlRenderer r = renderer;
    if (r == null) { // two threads may both build one: they are alike, and either may stay
      r = new SqlRenderer(newExpressionRenderer(), newSelectRenderer(), newWriteRenderer(), newUpsertStrategy(),
          newJsonRenderer());
      renderer = r;
    }
    return r;
  }
}
