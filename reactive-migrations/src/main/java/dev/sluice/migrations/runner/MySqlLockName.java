package dev.sluice.migrations.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code GET_LOCK} name of a lock on MySQL and MariaDB, where named locks are server-wide: the
 * session's database and the lock's name ({@code shop.sluice_migrations}), so runners on two
 * databases of one server never wait on each other while two runners on one database still do.
 * MySQL refuses names longer than {@value #MAX} characters: a longer name keeps its first
 * characters and ends with a SHA-256 of the whole name ({@code <first 23>~<40 hex digits>}).
 * Without a current database ({@code DATABASE()} is NULL) the name is the lock's name alone.
 */
final class MySqlLockName {
  static final int MAX = 64;
  private static final int HASH_HEX = 40;

  private MySqlLockName() { }

  static String of(String database, String name) {
    String full = database == null || database.isEmpty() ? name : database + "." + name;
    if (full.length() <= MAX) {
      return full;
    }
    String hash = HexFormat.of().formatHex(sha256(full)).substring(0, HASH_HEX);
    return full.substring(0, MAX - HASH_HEX - 1) + "~" + hash;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
