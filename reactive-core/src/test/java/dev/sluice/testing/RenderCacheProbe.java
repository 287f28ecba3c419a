package dev.sluice.testing;

import dev.sluice.internal.Executor;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;

/**
 * The render cache of a {@code Database} over {@code dialect}, without a connection: for tests in
 * other modules (the dialects' bind-replay test) that must see what a statement renders to on a
 * cache miss and on a hit, without reaching into {@code dev.sluice.internal} themselves.
 */
public final class RenderCacheProbe {
  private final Executor executor;

  public RenderCacheProbe(Dialect dialect) {
    this.executor = new Executor(null, dialect, true, 0, 1000, null, null, null);
  }

  /** {@code statement} rendered through the cache: the first call for a shape misses, later ones hit. */
  public RenderedSql render(Statement statement) {
    return executor.render(statement, true);
  }
}
