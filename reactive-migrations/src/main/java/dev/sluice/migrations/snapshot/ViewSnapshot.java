package dev.sluice.migrations.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A view ({@code View<R>} in code). Its {@code definition} is the statements Sluice renders for the
 * snapshot's dialect ({@code CREATE OR REPLACE VIEW ... AS SELECT ...}); {@code definitionHash} is the
 * SHA-256 of that text, which is what the diff compares: a database rewrites a view's text when it
 * stores it, so text read back from a server is never compared with text rendered by Sluice. A view
 * read from a live database ({@code dev.sluice.migrations.introspect}) has no definition and no hash;
 * there only its existence, kind and columns count (see {@code LiveViews}).
 *
 * @param name           the SQL name
 * @param schema         the database schema, or null for the default one
 * @param columns        the column names, in order
 * @param materialized   true for PostgreSQL's {@code MATERIALIZED VIEW}
 * @param reads          the tables and views its query reads (created before it, and its reason to be
 *                       re-created when one of them changes), sorted
 * @param definition     the statements that create it, as rendered for the dialect; null when read
 *                       from a live database
 * @param definitionHash SHA-256 (hex) of {@code definition}; null when read from a live database
 */
public record ViewSnapshot(String name, String schema, List<String> columns, boolean materialized,
                           List<String> reads, List<String> definition, String definitionHash) {
  public ViewSnapshot {
    Objects.requireNonNull(name, "name");
    columns = columns == null ? List.of() : List.copyOf(columns);
    reads = reads == null ? List.of() : reads.stream().sorted().distinct().toList();
    definition = definition == null ? List.of() : List.copyOf(definition);
  }

  /** A view from code: its hash is computed from {@code definition}. */
  public static ViewSnapshot ofCode(String name, String schema, List<String> columns, boolean materialized,
      List<String> reads, List<String> definition) {
    return new ViewSnapshot(name, schema, columns, materialized, reads, definition, hash(definition));
  }

  /** A view read from a live database: no definition, no hash. */
  public static ViewSnapshot live(String name, String schema, List<String> columns, boolean materialized) {
    return new ViewSnapshot(name, schema, columns, materialized, List.of(), List.of(), null);
  }

  /** The same view with another definition and hash (a live view given the code's text, see {@code LiveViews}). */
  public ViewSnapshot withDefinition(List<String> newDefinition, String newHash, List<String> newReads) {
    return new ViewSnapshot(name, schema, columns, materialized, newReads, newDefinition, newHash);
  }

  /** SHA-256 of the statements joined by {@code ;\n}, in lower-case hex. */
  public static String hash(List<String> definition) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(String.join(";\n", definition).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
