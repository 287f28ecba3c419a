package dev.sluice.examples.readme;

import static dev.sluice.examples.readme.ModelSnippet.NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.OptimisticLockException;
import dev.sluice.examples.readme.ModelSnippet.Note;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** The README's model-layer block ({@link ModelSnippet}) run on an embedded SQLite file, in order. */
class ModelSnippetIT {
  private static final Duration T = Duration.ofSeconds(30);
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;

  @Test
  void theBlockKeepsTimesSoftDeletesAndVersions() {
    Database db = ModelSnippet.timed("r2dbc:sqlite:////" + dir.toAbsolutePath().toString().substring(1)
        + "/model.db", Clock.fixed(NOW, ZoneOffset.UTC));
    try {
      db.createTables(NOTES).block(T);
      Note read = db.insertInto(NOTES).set(NOTES.title, "first").returning().block(T);
      List<Object> p = ModelSnippet.behaviour(db, read);
      Note note = (Note) Flux.from((org.reactivestreams.Publisher<?>) p.get(0)).blockLast(T);
      assertThat(note.createdAt().toInstant()).isEqualTo(NOW);
      assertThat(note.updatedAt().toInstant()).isEqualTo(NOW);
      assertThat(note.version()).isEqualTo(1);
      assertThat(db.update(NOTES).byKey(read.withTitle("final")).toSql(db.dialect()).sql())
          .as("the README's comment").endsWith("WHERE \"id\" = ? AND \"version\" = ?");
      assertThat(db.update(NOTES).byKey(read.withTitle("final")).toSql(db.dialect()).values())
          .as("id the 4th bind, version the 5th").hasSize(5).endsWith(read.id(), 1);
      assertThat(run(p.get(1))).as("edit").containsExactly(1L);
      assertThatThrownBy(() -> run(p.get(1))).as("the same stale record again")
          .isInstanceOf(OptimisticLockException.class);
      assertThat(run(p.get(2))).as("trash").containsExactly(1L);
      assertThat(run(p.get(3))).as("live").extracting(n -> ((Note) n).title()).containsExactly("draft");
      assertThat(run(p.get(4))).as("binned").extracting(n -> ((Note) n).title()).containsExactly("final");
      assertThat(run(p.get(5))).as("back").containsExactly(1L);
      assertThat(run(p.get(6))).as("all").hasSize(2);
      assertThat(run(p.get(7))).as("gone").containsExactly(1L);
      assertThat(db.selectFrom(NOTES).withDeleted().count().block(T)).isEqualTo(1L);
    } finally {
      db.close().block(T);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> run(Object publisher) {
    return Flux.from((org.reactivestreams.Publisher<Object>) publisher).collectList().block(T);
  }
}
