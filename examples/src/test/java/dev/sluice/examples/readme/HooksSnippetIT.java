package dev.sluice.examples.readme;

import static dev.sluice.examples.readme.HooksSnippet.POSTS;
import static dev.sluice.query.Dsl.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.ValidationException;
import dev.sluice.examples.readme.HooksSnippet.Post;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's hooks, validation and naming blocks ({@link HooksSnippet}) run on an embedded SQLite file. */
class HooksSnippetIT {
  private static final Duration T = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void theBlocksDoWhatTheirCommentsSay() {
    Database db = HooksSnippet.validating("r2dbc:sqlite:////" + dir.toAbsolutePath().toString().substring(1)
        + "/hooks.db");
    try {
      assertThat(POSTS.name()).isEqualTo("posts");
      assertThat(POSTS.authorName.name()).isEqualTo("author");
      db.createTables(POSTS).block(T);
      db.insertInto(POSTS).values(new Post(null, "Locked ", null, "bob", true)).execute().block(T);
      List<Object> p = HooksSnippet.behaviour(db);
      assertThat(((Mono<?>) p.get(0)).block(T)).extracting(o -> ((Post) o).slug()).isEqualTo("hello-world");
      assertThat(db.update(POSTS).set(POSTS.title, "x").all().toSql(db.dialect()).sql())
          .as("the hook runs at execution, not in toSql").doesNotContain("locked");
      assertThat(((Mono<?>) p.get(1)).block(T)).as("the locked post is left out").isEqualTo(1L);
      assertThat(db.selectFrom(POSTS).where(eq(POSTS.locked, true)).fetchOne().block(T).title())
          .as("afterFetch strips").isEqualTo("Locked");
      assertThat(((Mono<?>) p.get(2)).block(T)).isEqualTo(2L);
      assertThatThrownBy(() -> ((Mono<?>) p.get(3)).block(T)).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.violations()).hasSize(2));
      assertThat(db.selectFrom(POSTS).count().block(T)).isEqualTo(2L);
      assertThat(Flux.from((Mono<?>) p.get(4)).blockLast(T)).isNotNull();
    } finally {
      db.close().block(T);
    }
  }
}
