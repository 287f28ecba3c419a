package dev.sluice.migrations.runner;

import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One migration directory, {@code <UTC timestamp>_<name>/}: its {@code up.sql}, {@code down.sql}
 * the {@code snapshot.json} of the schema after it (null for a hand-written one) and its
 * {@code meta.json} (null for a directory made by hand).
 *
 * @param name     the directory name, which orders migrations ({@code 20261203101500_add_users})
 * @param dir      where it is
 * @param up       the up script
 * @param down     the down script, or null
 * @param snapshot the schema after this migration, or null
 * @param meta     its parent, or null when the directory has no {@code meta.json}
 */
public record MigrationFiles(String name, Path dir, String up, String down, SchemaSnapshot snapshot, MigrationMeta meta) {

  /** A migration without {@code meta.json}. */
  public MigrationFiles(String name, Path dir, String up, String down, SchemaSnapshot snapshot) {
    this(name, dir, up, down, snapshot, null);
  }

  /** SHA-256 of {@code up.sql} (with line ends normalized to {@code \n}), in hex: what the history records. */
  public String checksum() {
    return checksum(up);
  }

  static String checksum(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
