package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Database;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

/**
 * {@code sluice studio} on a SQLite file: the live database's tables (introspected) or the schema
 * code's, served on a free loopback port until the command's thread is interrupted; a non-loopback
 * {@code --host} is refused.
 */
class StudioCommandTest {
  static final Duration T = Duration.ofMinutes(2);

  @TempDir Path tmp;

  /** A writer that completes {@link #firstLine} with the first line written to it. */
  static final class FirstLine extends Writer {
    final StringBuilder text = new StringBuilder();
    final CompletableFuture<String> firstLine = new CompletableFuture<>();

    @Override public synchronized void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
      int nl = text.indexOf("\n");
      if (nl >= 0) {
        firstLine.complete(text.substring(0, nl));
      }
    }

    @Override public void flush() { }

    @Override public void close() { }
  }

  /** Runs {@code sluice studio args...} in a thread of its own; stops it once {@code check} has looked at the running studio. */
  JsonNode runStudio(List<String> args, java.util.function.Consumer<JsonNode> check) throws Exception {
    FirstLine out = new FirstLine();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("studio", "--port", "0", "--json"));
    all.addAll(args);
    CompletableFuture<Integer> code = new CompletableFuture<>();
    Thread t = new Thread(() -> code.complete(SluiceCli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), false, Map.of())), "sluice-studio-command");
    t.start();
    CompletableFuture.anyOf(out.firstLine, code).get(2, TimeUnit.MINUTES);
    assertThat(out.firstLine).as("the studio did not start: " + err).isDone();
    JsonNode started = new ObjectMapper().readTree(out.firstLine.get());
    try {
      check.accept(started);
    } finally {
      t.interrupt();
      t.join(TimeUnit.MINUTES.toMillis(2));
    }
    assertThat(t.isAlive()).isFalse();
    return started;
  }

  static JsonNode get(String url) throws Exception {
    String body = HttpClient.create().get().uri(url).responseSingle((r, b) -> b.asString()).block(T);
    return new ObjectMapper().readTree(body);
  }

  @Test
  void servesTheLiveDatabasesTablesReadOnlyUntilStopped() throws Exception {
    String url = "r2dbc:sqlite:///" + tmp.resolve("live.db").toAbsolutePath();
    Database db = Database.builder().url(url).poolSize(1).build();
    db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(20) NOT NULL, amount DECIMAL(10, 2))").execute().block(T);
    db.sql("INSERT INTO notes (id, body, amount) VALUES (1, {0}, {1})", "hello", new java.math.BigDecimal("12.30")).execute().block(T);
    db.close().block(T);
    JsonNode started = runStudio(List.of("--url", url), s -> {
      try {
        JsonNode tables = get(s.get("url").asText() + "api/tables");
        assertThat(tables.get("writable").asBoolean()).isFalse();
        JsonNode notes = tables.get("tables").get(0);
        assertThat(notes.get("name").asText()).isEqualTo("notes");
        assertThat(notes.get("primaryKey").toString()).isEqualTo("[\"id\"]");
        JsonNode rows = get(s.get("url").asText() + "api/tables/notes/rows");
        assertThat(rows.get("rows").get(0).get("body").asText()).isEqualTo("hello");
        assertThat(rows.get("total").asLong()).isEqualTo(1);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    assertThat(started.get("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(started.get("tables").toString()).isEqualTo("[\"notes\"]");
    assertThat(started.get("writable").asBoolean()).isFalse();
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> get(started.get("url").asText() + "api/tables"));
    assertThat(refused).as("the server is closed after the command").isNotNull();
  }

  @Test
  void servesTheSchemaCodesTablesWritableWhenAsked() throws Exception {
    String url = "r2dbc:sqlite:///" + tmp.resolve("code.db").toAbsolutePath();
    JsonNode started = runStudio(List.of("--url", url, "--schema", "dev.sluice.migrations.fixtures.seed", "--write"), s -> {
      try {
        assertThat(get(s.get("url").asText() + "api/tables").get("writable").asBoolean()).isTrue();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    assertThat(started.get("writable").asBoolean()).isTrue();
    assertThat(started.get("tables").toString()).contains("\"users\"");
  }

  @Test
  void anAddressOtherThanLoopbackIsRefused() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SluiceCli.run(new String[] {"studio", "--url", "r2dbc:sqlite:///" + tmp.resolve("h.db").toAbsolutePath(),
        "--host", "0.0.0.0"}, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), false, Map.of());
    assertThat(code).isEqualTo(SluiceCli.USAGE);
    assertThat(err.toString()).startsWith("--host/--port: The studio listens on loopback only (127.0.0.1 or ::1), it has no login:"
        + " 0.0.0.0 is not a loopback address");
  }
}
