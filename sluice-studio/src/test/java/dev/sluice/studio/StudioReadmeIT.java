package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;
import static dev.sluice.studio.StudioDatabase.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.testing.ReadmeRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

/**
 * The README's studio snippet is the region {@code studio} below, which runs on SQLite: the block
 * after {@code <!-- studio-snippet: studio -->} must equal it (common indentation removed).
 */
class StudioReadmeIT {
  @Test
  void theReadmeSnippetStartsAStudioThatServesItsPage() throws IOException {
    Database db = StudioDatabase.sqlite();
    // tag::studio[]
    StudioServer running = Studio.of(db, List.of(StudioTable.of(PARTS)))  // the tables of schema code
        .writable(true)              // read-only (writes refused with 403) unless asked
        .port(0)                     // any free port; the CLI's default is 7878
        .start().block();            // listens on 127.0.0.1 only
    String page = running.url();     // http://127.0.0.1:<port>/
    // end::studio[]
    try {
      String html = HttpClient.create().get().uri(page).responseSingle((r, b) -> b.asString()).block(T);
      assertThat(html).contains("<title>Sluice studio</title>", running.token(), "data-writable=\"true\"");
    } finally {
      running.close();
      db.close().block(T);
    }
    Path module = Path.of("").toAbsolutePath();
    String readme = Files.readString(module.getParent().resolve("README.md"));
    String source = Files.readString(module.resolve("src/test/java/dev/sluice/studio/StudioReadmeIT.java"));
    assertThat(ReadmeRegions.block(readme, "<!-- studio-snippet: studio -->"))
        .isEqualTo(ReadmeRegions.region(source, "studio"));
  }
}
