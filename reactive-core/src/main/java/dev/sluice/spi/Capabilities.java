package dev.sluice.spi;

import java.util.Objects;

/**
 * What a database can do, as named flags, so that differences are never scattered {@code if}s.
 * Built with named setters over conservative ANSI defaults:
 *
 * <pre>{@code
 * Capabilities.builder().returning(true).upsertStyle(UpsertStyle.ON_CONFLICT).ddlIsTransactional(true)
 *     .nativeEnums(true).nativeIlike(true).maxBindParameters(32767).build()
 * }</pre>
 */
public final class Capabilities {
  /** How an insert-or-update is expressed. */
  public enum UpsertStyle { NONE, ON_CONFLICT, ON_DUPLICATE_KEY, MERGE }

  private static final Capabilities STANDARD = builder().build();

  private final boolean returning;
  private final UpsertStyle upsertStyle;
  private final boolean ddlIsTransactional;
  private final boolean nullsOrdering;
  private final boolean nativeEnums;
  private final boolean nativeIlike;
  private final int maxBindParameters;
  private final boolean savepoints;

  private Capabilities(Builder b) {
    this.returning = b.returning;
    this.upsertStyle = b.upsertStyle;
    this.ddlIsTransactional = b.ddlIsTransactional;
    this.nullsOrdering = b.nullsOrdering;
    this.nativeEnums = b.nativeEnums;
    this.nativeIlike = b.nativeIlike;
    this.maxBindParameters = b.maxBindParameters;
    this.savepoints = b.savepoints;
  }

  /** Conservative ANSI defaults: no RETURNING, MERGE upserts, NULLS FIRST/LAST, savepoints, 2000 binds. */
  public static Capabilities standard() { return STANDARD; }

  /** A builder starting from {@link #standard()}. */
  public static Builder builder() { return new Builder(); }

  /** INSERT/UPDATE/DELETE ... RETURNING is supported (else it is emulated or refused). */
  public boolean returning() { return returning; }

  /** How an upsert is written. */
  public UpsertStyle upsertStyle() { return upsertStyle; }

  /** DDL statements take part in transactions (a failed migration leaves nothing behind). */
  public boolean ddlIsTransactional() { return ddlIsTransactional; }

  /** ORDER BY ... NULLS FIRST/LAST is supported (else it is emulated with CASE). */
  public boolean nullsOrdering() { return nullsOrdering; }

  /** The database has named enum types ({@code CREATE TYPE ... AS ENUM}). */
  public boolean nativeEnums() { return nativeEnums; }

  /** The database has an {@code ILIKE} operator (else {@code ilike} lowers both sides). */
  public boolean nativeIlike() { return nativeIlike; }

  /** The most bind parameters one statement may carry. */
  public int maxBindParameters() { return maxBindParameters; }

  /** Savepoints are supported (nested transactions). */
  public boolean savepoints() { return savepoints; }

  @Override public boolean equals(Object o) {
    return o instanceof Capabilities c && returning == c.returning && upsertStyle == c.upsertStyle
        && ddlIsTransactional == c.ddlIsTransactional && nullsOrdering == c.nullsOrdering
        && nativeEnums == c.nativeEnums && nativeIlike == c.nativeIlike
        && maxBindParameters == c.maxBindParameters && savepoints == c.savepoints;
  }

  @Override public int hashCode() {
    return Objects.hash(returning, upsertStyle, ddlIsTransactional, nullsOrdering, nativeEnums, nativeIlike,
        maxBindParameters, savepoints);
  }

  @Override public String toString() {
    return "Capabilities[returning=" + returning + ", upsertStyle=" + upsertStyle + ", ddlIsTransactional="
        + ddlIsTransactional + ", nullsOrdering=" + nullsOrdering + ", nativeEnums=" + nativeEnums
        + ", nativeIlike=" + nativeIlike + ", maxBindParameters=" + maxBindParameters + ", savepoints="
        + savepoints + "]";
  }

  /** Named flags over the {@link #standard()} defaults. */
  public static final class Builder {
    private boolean returning;
    private UpsertStyle upsertStyle = UpsertStyle.MERGE;
    private boolean ddlIsTransactional;
    private boolean nullsOrdering = true;
    private boolean nativeEnums;
    private boolean nativeIlike;
    private int maxBindParameters = 2000;
    private boolean savepoints = true;

    private Builder() { }

    public Builder returning(boolean on) { this.returning = on; return this; }

    public Builder upsertStyle(UpsertStyle style) { this.upsertStyle = Objects.requireNonNull(style); return this; }

    public Builder ddlIsTransactional(boolean on) { this.ddlIsTransactional = on; return this; }

    public Builder nullsOrdering(boolean on) { this.nullsOrdering = on; return this; }

    public Builder nativeEnums(boolean on) { this.nativeEnums = on; return this; }

    public Builder nativeIlike(boolean on) { this.nativeIlike = on; return this; }

    public Builder maxBindParameters(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxBindParameters must be at least 1, was " + n);
      }
      this.maxBindParameters = n;
      return this;
    }

    public Builder savepoints(boolean on) { this.savepoints = on; return this; }

    public Capabilities build() { return new Capabilities(this); }
  }
}
