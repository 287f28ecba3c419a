package dev.sluice.mongo;

import java.util.Objects;

/** One key of a sort or an index: a field path and a direction. Made by {@code MongoDsl.asc/desc}. */
public record Sort(String path, boolean ascending) {
  public Sort {
    Objects.requireNonNull(path, "path");
  }

  /** 1 or -1, as MongoDB writes it. */
  public int direction() { return ascending ? 1 : -1; }
}
