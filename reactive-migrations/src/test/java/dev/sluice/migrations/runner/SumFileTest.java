package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice.sum} names every way the directory can drift from it: edited, added, removed, merged by hand. */
class SumFileTest {
  @TempDir Path dir;
  private SumFile sums;
  private String init;
  private String users;

  @BeforeEach
  void twoMigrations() {
    MigrationDirectory d = new MigrationDirectory(dir);
    sums = new SumFile(dir);
    init = d.write("init", Instant.parse("2026-01-01T00:00:00Z"), "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n",
        SchemaSnapshot.EMPTY).name();
    users = d.write("users", Instant.parse("2026-01-02T00:00:00Z"), "CREATE TABLE u (id INT);\n", "DROP TABLE u;\n",
        SchemaSnapshot.EMPTY).name();
    sums.write();
  }

  @Test
  void aWrittenSumListsEachMigrationUnderItsTotalAndMatches() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("sluice.sum"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("total [0-9a-f]{64}");
    assertThat(lines.get(1)).matches("20260101000000_init [0-9a-f]{64}");
    assertThat(lines.get(2)).matches("20260102000000_users [0-9a-f]{64}");
    assertThat(sums.differences()).isEmpty();
    sums.verify();
  }

  @Test
  void eachHashedFileEditedByHandIsNamedByItsMigration() throws Exception {
    for (String file : List.of("up.sql", "down.sql", "snapshot.json", "meta.json")) {
      Path p = dir.resolve(init).resolve(file);
      String before = Files.readString(p);
      Files.writeString(p, before + " ");
      assertThat(sums.differences()).as(file).containsExactly(init + " was edited after sluice.sum was written");
      Files.writeString(p, before);
      assertThat(sums.differences()).as(file).isEmpty();
    }
    Files.writeString(dir.resolve(users).resolve("up.sql"), "CREATE TABLE u (id BIGINT);\n");
    assertThatThrownBy(sums::verify).isInstanceOfSatisfying(IntegrityException.class,
            e -> assertThat(e.differences()).containsExactly(users + " was edited after sluice.sum was written"))
        .hasMessageContaining("nothing was run").hasMessageContaining("sluice rehash");
  }

  @Test
  void lineEndsAreNotAnEdit() throws Exception {
    Path up = dir.resolve(init).resolve("up.sql");
    Files.writeString(up, Files.readString(up).replace("\n", "\r\n"));
    assertThat(sums.differences()).isEmpty();
  }

  @Test
  void aDirectoryAddedOrRemovedByHandIsNamed() throws Exception {
    Path extra = Files.createDirectories(dir.resolve("20260103000000_by_hand"));
    Files.writeString(extra.resolve("up.sql"), "SELECT 1;\n");
    assertThat(sums.differences()).containsExactly("20260103000000_by_hand was added without updating sluice.sum");
    sums.write();
    Files.delete(extra.resolve("up.sql"));
    Files.delete(extra);
    assertThat(sums.differences()).containsExactly("20260103000000_by_hand was removed (listed in sluice.sum, no directory)");
  }

  @Test
  void aSumMergedByHandFailsItsTotalOrItsSyntax() throws Exception {
    Path file = dir.resolve("sluice.sum");
    List<String> lines = Files.readAllLines(file);
    // the other branch's line pasted in without rehash: the total no longer covers the lines
    Files.writeString(file, String.join("\n", lines) + "\n20260102000000_other " + "0".repeat(64) + "\n");
    assertThat(sums.differences()).containsExactly("sluice.sum's total does not match its lines (edited or merged by hand)",
        "20260102000000_other was removed (listed in sluice.sum, no directory)");
    // a merge left with its conflict markers
    Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n<<<<<<< HEAD\n" + lines.get(2) + "\n=======\n>>>>>>> b\n");
    assertThat(sums.differences()).contains("sluice.sum line 3 is malformed: <<<<<<< HEAD",
        "sluice.sum line 5 is malformed: =======", "sluice.sum line 6 is malformed: >>>>>>> b");
  }

  @Test
  void aMissingSumIsAnErrorOnlyWhenThereAreMigrations() throws Exception {
    Files.delete(dir.resolve("sluice.sum"));
    assertThat(sums.differences()).containsExactly("sluice.sum is missing (2 migrations on disk)");
    assertThat(new SumFile(dir.resolve("empty")).differences()).isEmpty();
  }
}
