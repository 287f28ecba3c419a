package dev.sluice.spi;

import dev.sluice.sql.Bind;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one rendering walk: the SQL text, the binds and the bind counter. Dialects are
 * stateless; everything that changes during a walk lives here.
 *
 * <p>A context created with {@link #bindsOnly} skips the text: it replays a walk whose SQL is already
 * cached, to collect the binds of another query of the same shape in exactly the same order.
 */
public final class RenderContext {
  private final StringBuilder sql;
  private final List<Bind> binds = new ArrayList<>();
  private final StandardDialect dialect;
  private final java.util.function.Function<Bind, String> literals;
  private boolean qualify;
  private int depth;

  private RenderContext(StandardDialect dialect, boolean text) {
    this(dialect, text, null);
  }

  private RenderContext(StandardDialect dialect, boolean text, java.util.function.Function<Bind, String> literals) {
    this.dialect = dialect;
    this.sql = text ? new StringBuilder(128) : null;
    this.literals = literals;
  }

  static RenderContext full(StandardDialect dialect) {
    return new RenderContext(dialect, true);
  }

  static RenderContext bindsOnly(StandardDialect dialect) {
    return new RenderContext(dialect, false);
  }

  /**
   * A context for SQL that cannot have parameters (a view's defining query in DDL): each value is
   * written as the literal {@code literals} makes of it, and no bind is collected.
   */
  static RenderContext inline(StandardDialect dialect, java.util.function.Function<Bind, String> literals) {
    return new RenderContext(dialect, true, java.util.Objects.requireNonNull(literals, "literals"));
  }

  /** Whether values are written as literals rather than bound (see {@link #inline}). */
  public boolean inlinesValues() { return literals != null; }

  /** Appends SQL text. */
  public RenderContext sql(String text) {
    if (sql != null) {
      sql.append(text);
    }
    return this;
  }

  /** Appends one character of SQL text. */
  public RenderContext sql(char c) {
    if (sql != null) {
      sql.append(c);
    }
    return this;
  }

  /** Appends a quoted identifier. */
  public RenderContext identifier(String name) {
    if (sql != null) {
      sql.append(dialect.quote(name));
    }
    return this;
  }

  /** Appends a table's name, qualified by its schema if it has one ({@link Dialect#qualifiedName}). */
  public RenderContext table(dev.sluice.schema.Table<?> table) {
    if (sql != null) {
      sql.append(dialect.qualifiedName(table));
    }
    return this;
  }

  /** Adds a bind and appends its marker. */
  public <T> RenderContext bind(Param<T> param) {
    if (literals != null) {
      return sql(literals.apply(new Bind(param.type().toDriver(param.value()), param.type().driverType())));
    }
    int index = binds.size();
    binds.add(new Bind(param.type().toDriver(param.value()), param.type().driverType()));
    if (sql != null) {
      dialect.appendBindMarker(this, index, param.type());
    }
    return this;
  }

  /**
   * Adds a bind whose value is already a driver value (such as an array a dialect builds from a
   * column of cells) and appends its plain marker; the dialect writes any cast itself.
   */
  public RenderContext bindDriverValue(Object driverValue, Class<?> driverType) {
    if (literals != null) {
      return sql(literals.apply(new Bind(driverValue, driverType)));
    }
    int index = binds.size();
    binds.add(new Bind(driverValue, driverType));
    if (sql != null) {
      dialect.appendBindMarker(this, index, null);
    }
    return this;
  }

  /** Whether column references are qualified with their table name. */
  public boolean qualify() { return qualify; }

  /** Sets whether column references are qualified; returns the previous setting. */
  public boolean qualify(boolean value) {
    boolean old = qualify;
    qualify = value;
    return old;
  }

  /** How deeply nested the SELECT being rendered is (0 = the statement itself). */
  public int depth() { return depth; }

  /** Enters a nested SELECT; returns the previous qualification setting for {@link #leave}. */
  public boolean enter(boolean qualifyInside) {
    depth++;
    return qualify(qualifyInside);
  }

  /** Leaves a nested SELECT, restoring the qualification setting. */
  public void leave(boolean previousQualify) {
    depth--;
    qualify = previousQualify;
  }

  /** The binds added so far, in marker order (a read-only view). */
  public List<Bind> binds() { return java.util.Collections.unmodifiableList(binds); }

  /** The finished rendering. */
  public RenderedSql result() {
    return new RenderedSql(sql == null ? "" : sql.toString(), binds);
  }
}
