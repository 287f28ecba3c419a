package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations directory ({@code db/migrations} by default): one sub-directory per migration,
 * named {@code <yyyyMMddHHmmss UTC>_<name>}, holding {@code up.sql}, {@code down.sql} and
 * {@code snapshot.json}; and {@code repeatable/} for the {@link Repeatable} migrations. Blocking file access: the {@link Migrator} calls it on
 * {@code Schedulers.boundedElastic()}.
 */
public final class MigrationDirectory {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private final Path root;

  public MigrationDirectory(Path root) {
    this.root = root;
  }

  public Path root() { return root; }

  /** Every migration, in name order. */
  public List<MigrationFiles> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<MigrationFiles> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(MigrationDirectory::isMigration).sorted().toList()) {
        Path up = d.resolve("up.sql");
        if (!Files.isRegularFile(up)) {
          throw new MigrationException("Migration " + d.getFileName() + " has no up.sql (in " + d + ")");
        }
        Path down = d.resolve("down.sql");
        Path snap = d.resolve("snapshot.json");
        Path meta = d.resolve(MigrationMeta.FILE_NAME);
        String name = d.getFileName().toString();
        out.add(new MigrationFiles(name, d, read(up),
            Files.isRegularFile(down) ? read(down) : null,
            Files.isRegularFile(snap) ? SnapshotJson.read(read(snap)) : null,
            Files.isRegularFile(meta) ? MigrationMeta.fromJson(name, read(meta)) : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A sub-directory that holds one migration: any but {@code repeatable/}. */
  static boolean isMigration(Path d) {
    return Files.isDirectory(d) && !d.getFileName().toString().equals(Repeatable.FOLDER);
  }

  /**
   * The repeatable migrations, {@code repeatable/<name>.sql}, in name order, each with its optional
   * {@code <name>.down.sql}; none when the folder is absent.
   */
  List<Repeatable> repeatables() {
    Path folder = root.resolve(Repeatable.FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Repeatable> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String file = f.getFileName().toString();
        if (file.endsWith(".sql") && !file.endsWith(".down.sql")) {
          String base = file.substring(0, file.length() - 4);
          Path down = folder.resolve(base + ".down.sql");
          out.add(new Repeatable(Repeatable.FOLDER + "/" + base, read(f), Files.isRegularFile(down) ? read(down) : null));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The snapshot of the last migration that has one, or the empty schema. */
  public SchemaSnapshot lastSnapshot() {
    List<MigrationFiles> all = list();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).snapshot() != null) {
        return all.get(i).snapshot();
      }
    }
    return SchemaSnapshot.EMPTY;
  }

  /**
   * Writes a new migration named {@code <stamp>_<name>}, its stamp after every existing one, with a
   * {@code meta.json} naming the last migration as its parent; refuses a name that is not lower-case words.
   */
  public MigrationFiles write(String name, Instant at, String up, String down, SchemaSnapshot snapshot) {
    if (!NAME.matcher(name).matches()) {
      throw new MigrationException("A migration name is lower-case letters, digits and _, was: " + name);
    }
    List<MigrationFiles> all = list();
    MigrationMeta meta = new MigrationMeta(all.isEmpty() ? null : all.get(all.size() - 1).name());
    String dirName = stampAfterLast(at) + "_" + name;
    Path dir = root.resolve(dirName);
    if (Files.exists(dir)) {
      throw new MigrationException("Migration " + dirName + " exists already");
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("up.sql"), up, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("down.sql"), down, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("snapshot.json"), SnapshotJson.write(snapshot), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(MigrationMeta.FILE_NAME), meta.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MigrationFiles(dirName, dir, up, down, snapshot, meta);
  }

  /**
   * {@code at} as {@code yyyyMMddHHmmss}, or one second after the newest migration's stamp when that
   * is not earlier: two migrations written within one second keep their order of writing.
   */
  private String stampAfterLast(Instant at) {
    String stamp = STAMP.format(at);
    List<MigrationFiles> all = list();
    if (!all.isEmpty()) {
      String last = all.get(all.size() - 1).name();
      if (last.length() >= 14 && last.substring(0, 14).chars().allMatch(Character::isDigit)
          && last.substring(0, 14).compareTo(stamp) >= 0) {
        Instant lastAt = java.time.LocalDateTime.parse(last.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
            .toInstant(ZoneOffset.UTC);
        stamp = STAMP.format(lastAt.plusSeconds(1));
      }
    }
    return stamp;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
