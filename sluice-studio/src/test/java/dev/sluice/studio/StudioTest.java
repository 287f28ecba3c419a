package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.schema.SqlKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The studio's configuration and table model, without a database. */
class StudioTest {
  @Test
  void aTableOfSchemaCodeKeepsItsColumnsKeyAndSizes() {
    StudioTable t = StudioTable.of(PARTS);
    assertThat(t.name()).isEqualTo("parts");
    assertThat(t.primaryKey()).extracting(StudioColumn::name).containsExactly("id");
    assertThat(t.column("price").orElseThrow()).isEqualTo(new StudioColumn("price", SqlKind.DECIMAL, true, false, 0, 12, 2));
    assertThat(t.column("name").orElseThrow()).isEqualTo(new StudioColumn("name", SqlKind.VARCHAR, false, false, 40, 0, 0));
    assertThat(t.column("id").orElseThrow().nullable()).isFalse();
  }

  @Test
  void aTableWithTwoColumnsOfOneNameIsRefused() {
    assertThatThrownBy(() -> new StudioTable("t", List.of(StudioColumn.of("a", SqlKind.TEXT, true, false),
        StudioColumn.of("a", SqlKind.TEXT, true, false)))).hasMessage("Table t has two columns named a");
  }

  @Test
  void theStudioListensOnLoopbackOnly() {
    Database db = Database.builder().url("r2dbc:sqlite:///" + Path.of("target", "studio-never-opened.db").toAbsolutePath()).build();
    Studio s = Studio.of(db, List.of());
    assertThat(s.host("127.0.0.1")).isNotNull();
    assertThat(s.host("::1")).isNotNull();
    assertThatThrownBy(() -> s.host("0.0.0.0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The studio listens on loopback only (127.0.0.1 or ::1), it has no login: 0.0.0.0 is not a loopback address");
    assertThatThrownBy(() -> s.host("8.8.8.8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.port(70000)).hasMessage("Port 70000 is not from 0 to 65535");
    db.close().block(Duration.ofSeconds(30));
  }
}
