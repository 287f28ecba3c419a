package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.runner.Reports.CheckReport;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrator#checkDirectory} finds migrations generated on two branches from one parent, and merges out of order. */
class LineageTest {
  @TempDir Path tmp;

  private static String write(Path dir, String name, String at) {
    String n = new MigrationDirectory(dir).write(name, Instant.parse(at), "SELECT 1;\n", "SELECT 1;\n", SchemaSnapshot.EMPTY).name();
    new SumFile(dir).write();
    return n;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static CheckReport check(Path dir) {
    return Migrator.checkDirectory(dir).block(Duration.ofSeconds(10));
  }

  @Test
  void aLinearHistoryAndHandMadeDirectoriesHaveNoConflict() throws IOException {
    Path dir = tmp.resolve("m");
    write(dir, "init", "2026-01-01T00:00:00Z");
    Files.createDirectories(dir.resolve("20260101120000_by_hand"));
    Files.writeString(dir.resolve("20260101120000_by_hand/up.sql"), "SELECT 2;\n");
    new SumFile(dir).write();
    String next = write(dir, "next", "2026-01-02T00:00:00Z");
    assertThat(new MigrationDirectory(dir).list().get(2).meta().parent()).isEqualTo("20260101120000_by_hand");
    assertThat(next).isEqualTo("20260102000000_next");
    CheckReport r = check(dir);
    assertThat(r.ok()).isTrue();
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void twoMigrationsGeneratedFromOneParentOnTwoBranchesAreAConflict() throws IOException {
    Path main = tmp.resolve("main");
    String init = write(main, "init", "2026-01-01T00:00:00Z");
    Path branch = tmp.resolve("branch");
    copy(main, branch);
    copy(main.resolve(init), branch.resolve(init));
    String a = write(main, "add_a", "2026-01-02T00:00:00Z");
    String b = write(branch, "add_b", "2026-01-03T00:00:00Z");
    copy(branch.resolve(b), main.resolve(b));   // the merge; main's sluice.sum kept
    CheckReport r = check(main);
    assertThat(r.integrity()).containsExactly(b + " was added without updating sluice.sum");
    assertThat(r.sharedParents()).containsExactly(a + " and " + b + " were all generated from " + init + " (two branches)");
    assertThat(r.misplaced()).containsExactly(b + " was generated after " + init + " but follows " + a + " in name order");
    assertThat(r.ok()).isFalse();

    new SumFile(main).write();   // rehash accepts the merge, not the conflict
    assertThat(check(main).integrity()).isEmpty();
    assertThat(check(main).conflicts()).hasSize(2);
  }

  @Test
  void twoFirstMigrationsShareTheEmptySchemaAsParent() throws IOException {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    String a = write(one, "a", "2026-01-01T00:00:00Z");
    String b = write(two, "b", "2026-01-02T00:00:00Z");
    copy(two.resolve(b), one.resolve(b));
    new SumFile(one).write();
    assertThat(check(one).sharedParents()).containsExactly(a + " and " + b + " were all generated from (the empty schema) (two branches)");
  }

  @Test
  void aMigrationNamedBeforeItsParentIsMergedOutOfOrder() throws IOException {
    Path dir = tmp.resolve("m");
    String init = write(dir, "init", "2026-01-01T00:00:00Z");
    String a = write(dir, "add_a", "2026-01-03T00:00:00Z");
    // generated on top of add_a, then renamed (or written by a clock behind) to sort before it
    String b = write(dir, "add_b", "2026-01-04T00:00:00Z");
    Files.move(dir.resolve(b), dir.resolve("20260102000000_add_b"));
    new SumFile(dir).write();
    CheckReport r = check(dir);
    assertThat(r.sharedParents()).isEmpty();
    assertThat(r.misplaced()).containsExactly(
        "20260102000000_add_b was generated after " + a + " but follows " + init + " in name order",
        a + " was generated after " + init + " but follows 20260102000000_add_b in name order");
  }
}
