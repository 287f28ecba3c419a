package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.runner.SumFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.sqlite(purpose); }

  @Override protected boolean transactionalDdl() { return true; }

  @Test
  void twoProcessesOnOneSqliteFileApplyEachMigrationExactlyOnce(@TempDir Path dir) throws Exception {
    LiveTarget target = LiveTarget.sqlite("procs");
    Path m0 = Files.createDirectories(dir.resolve("20260101000000_runs"));
    Files.writeString(m0.resolve("up.sql"), "CREATE TABLE runs (name VARCHAR(50));\n");
    for (int i = 1; i <= 5; i++) {
      Path m = Files.createDirectories(dir.resolve("2026010200000" + i + "_m" + i));
      Files.writeString(m.resolve("up.sql"), "CREATE TABLE t" + i + " (id INT);\nINSERT INTO runs (name) VALUES ('m" + i + "');\n");
    }
    new SumFile(dir).write();
    Path go = dir.resolve("go");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    try {
      for (int p = 0; p < 2; p++) {
        Process proc = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), MigrateProcess.class.getName(),
            target.url(), dir.toString(), go.toString()).redirectErrorStream(true).start();
        processes.add(proc);
        outs.add(new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader out : outs) {
        assertThat(untilLine(out, "ready")).isTrue();
      }
      Files.createFile(go);   // both processes are up: go together
      int applied = 0;
      int skipped = 0;
      for (int p = 0; p < 2; p++) {
        assertThat(processes.get(p).waitFor(120, TimeUnit.SECONDS)).isTrue();
        String result = rest(outs.get(p));
        assertThat(processes.get(p).exitValue()).as(result).isZero();
        var m = Pattern.compile("applied=(\\d+) skipped=(\\d+)").matcher(result);
        assertThat(m.find()).as(result).isTrue();
        applied += Integer.parseInt(m.group(1));
        skipped += Integer.parseInt(m.group(2));
      }
      assertThat(applied).isEqualTo(6);
      Database db = target.open();
      try {
        assertThat(db.sql("SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS d FROM runs").fetch().next()
            .map(r -> r.get("n", Number.class).longValue() + "/" + r.get("d", Number.class).longValue())
            .block(Duration.ofSeconds(10))).isEqualTo("5/5");
        assertThat(db.sql("SELECT COUNT(*) AS n FROM sluice_migrations").fetch().next()
            .map(r -> r.get("n", Number.class).longValue()).block(Duration.ofSeconds(10))).isEqualTo(6L);
      } finally {
        db.close().block(Duration.ofSeconds(10));
      }
      System.out.println("two SQLite processes: applied " + applied + ", skipped " + skipped + " (another process had applied them)");
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  private static boolean untilLine(BufferedReader out, String wanted) throws Exception {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String rest(BufferedReader out) throws Exception {
    StringBuilder s = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      s.append(line).append('\n');
    }
    return s.toString();
  }
}
