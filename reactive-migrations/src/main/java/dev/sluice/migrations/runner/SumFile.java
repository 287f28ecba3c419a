package dev.sluice.migrations.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The integrity file {@code sluice.sum} of a migrations directory: a first line {@code total <hash>}
 * over the lines after it, then one line {@code <migration> <hash>} per migration directory, in
 * name order, where the hash is SHA-256 over its {@code up.sql}, {@code down.sql},
 * {@code snapshot.json} and {@code meta.json} (names, lengths and contents, line ends normalized).
 *
 * <pre>
 * total 5b1c...e0
 * 20261203101500_init 9f2a...41
 * 20261203111500_add_users 03cd...7b
 * </pre>
 *
 * <p>Two branches that each add a migration both change this file, so their merge conflicts in
 * version control; a merge resolved by hand without {@code sluice rehash} no longer matches its
 * total or the directory. The {@code repeatable/} folder is not covered: repeatable migrations are
 * meant to be edited, and the history's checksum runs them again. Blocking file access: called on {@code Schedulers.boundedElastic()}.
 */
public final class SumFile {
  /** The file's name, in the migrations directory. */
  public static final String FILE_NAME = "sluice.sum";
  static final List<String> HASHED = List.of("up.sql", "down.sql", "snapshot.json", "meta.json");
  private static final Pattern LINE = Pattern.compile("(\\S+) ([0-9a-f]{64})");
  private final Path root;

  public SumFile(Path root) {
    this.root = root;
  }

  /** Writes {@code sluice.sum} for the directory as it is now. */
  public void write() {
    try {
      Files.createDirectories(root);
      Files.writeString(root.resolve(FILE_NAME), render(current()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws {@link IntegrityException} naming what differs when the directory and the file disagree. */
  public void verify() {
    List<String> differences = differences();
    if (!differences.isEmpty()) {
      throw new IntegrityException(differences);
    }
  }

  /** What differs between {@code sluice.sum} and the directory, one line each; empty when they agree. */
  public List<String> differences() {
    Map<String, String> now = current();
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return now.isEmpty() ? List.of() : List.of(FILE_NAME + " is missing (" + now.size() + " migrations on disk)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    Map<String, String> recorded = new LinkedHashMap<>();
    String total = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (!m.matches()) {
        out.add(FILE_NAME + " line " + (i + 1) + " is malformed: " + abbreviate(lines.get(i)));
      } else if (i == 0 && m.group(1).equals("total")) {
        total = m.group(2);
      } else if (recorded.put(m.group(1), m.group(2)) != null) {
        out.add(FILE_NAME + " lists " + m.group(1) + " twice");
      }
    }
    if (total == null) {
      out.add(FILE_NAME + " has no total line");
    } else if (!total.equals(MigrationFiles.checksum(body(recorded)))) {
      out.add(FILE_NAME + "'s total does not match its lines (edited or merged by hand)");
    }
    recorded.forEach((name, hash) -> {
      String actual = now.get(name);
      if (actual == null) {
        out.add(name + " was removed (listed in " + FILE_NAME + ", no directory)");
      } else if (!actual.equals(hash)) {
        out.add(name + " was edited after " + FILE_NAME + " was written");
      }
    });
    now.keySet().stream().filter(n -> !recorded.containsKey(n))
        .forEach(n -> out.add(n + " was added without updating " + FILE_NAME));
    return out;
  }

  /** The hash of each migration directory on disk, in name order. */
  Map<String, String> current() {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(MigrationDirectory::isMigration).sorted().toList()) {
        StringBuilder all = new StringBuilder();
        for (String f : HASHED) {
          Path p = d.resolve(f);
          if (Files.isRegularFile(p)) {
            String text = Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
            all.append(f).append('\0').append(text.length()).append('\0').append(text);
          }
        }
        out.put(d.getFileName().toString(), MigrationFiles.checksum(all.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String render(Map<String, String> hashes) {
    String body = body(hashes);
    return "total " + MigrationFiles.checksum(body) + "\n" + body;
  }

  private static String body(Map<String, String> hashes) {
    StringBuilder s = new StringBuilder();
    hashes.forEach((name, hash) -> s.append(name).append(' ').append(hash).append('\n'));
    return s.toString();
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
