package dev.sluice.migrations.it;

import static dev.sluice.migrations.fixtures.ObjectsSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.push.Pusher;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import java.util.Set;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.schema.Table;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views, generated columns and database schemas through generated migrations on a live database:
 * generate, apply, change the schema code (a generated expression, a table a view reads, a view's
 * query), generate and apply again, and read the rows through the views; then roll back.
 */
abstract class MigratedObjectsContract {
  private static final Duration T = Duration.ofSeconds(120);
  private LiveTarget target;
  private Database db;
  @TempDir Path dir;

  protected abstract LiveTarget target(String purpose);

  /** True where the database has schemas that a test may create (not MariaDB's server-wide databases). */
  protected abstract boolean schemas();

  @BeforeEach
  void open() {
    target = target("objects");
    db = target.open();
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  private Migrator migrator(String at) {
    return Migrator.builder(db).directory(dir).appliedBy("test")
        .clock(Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).build();
  }

  private SchemaSnapshot code(Table<?>... tables) {
    List<Table<?>> all = new ArrayList<>(List.of(tables));
    if (!schemas()) {
      all.removeIf(t -> t.schema() != null);
    }
    return CodeSnapshots.of(db.dialect(), all);
  }

  private List<String> rows(String sql) {
    return db.sql(sql).fetch().map(r -> {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i, Object.class);
        s.append(i == 0 ? "" : "/").append(v == null ? "null" : v.toString());
      }
      return s.toString();
    }).collectList().block(T);
  }

  @Test
  void viewsGeneratedColumnsAndSchemasMigrateAndRollBack() {
    Migrator m1 = migrator("2026-01-01T10:00:00Z");
    Reports.GenerateReport g1 = m1.generate("v1", code(ITEMS_V1, CHEAP_V1, EVENTS_V1), RenameResolver.refuse(), false)
        .block(T);
    assertThat(g1.plan().changes()).extracting(Change::describe).endsWith("create view cheap_items");
    m1.migrate().block(T);
    db.sql("INSERT INTO items (name, color, price, qty) VALUES ('pen', 'red', 2, 3), ('ink', 'blue', 15, 1), "
        + "('cap', 'red', 30, 2)").execute().block(T);
    assertThat(rows("SELECT id, label, total FROM cheap_items ORDER BY id")).containsExactly("1/penred/6");
    if (schemas()) {
      db.sql("INSERT INTO audit.events (what) VALUES ('boot')").execute().block(T);
    }

    // total's expression changes (drop and add: computed again), items gains a column (the view
    // reading it is dropped first and created last), a view over a view is new
    Migrator m2 = migrator("2026-01-02T10:00:00Z");
    Reports.GenerateReport g2 = m2.generate("v2", code(ITEMS_V2, LABELS, CHEAP_V2, EVENTS_V2), RenameResolver.refuse(),
        false).block(T);
    assertThat(g2.findings()).isEmpty();
    m2.migrate().block(T);
    assertThat(rows("SELECT id, label, total FROM cheap_items ORDER BY id")).containsExactly("1/penred/12", "2/inkblue/30");
    assertThat(rows("SELECT label FROM item_labels ORDER BY label")).containsExactly("inkblue", "penred");
    assertThat(rows("SELECT name, note FROM items ORDER BY id")).containsExactly("pen/null", "ink/null", "cap/null");
    if (schemas()) {
      db.sql("INSERT INTO audit.events (what, actor) VALUES ('deploy', 'ann')").execute().block(T);
      assertThat(rows("SELECT what, actor FROM audit.events ORDER BY id")).containsExactly("boot/null", "deploy/ann");
    }

    // the live database read back: views by name and columns, generated columns as generated
    SchemaSnapshot live = Introspector.forDialect(target.dialect()).snapshot(db, Set.of("sluice_migrations")).block(T);
    assertThat(live.views()).extracting(ViewSnapshot::name).containsExactly("cheap_items", "item_labels");
    assertThat(live.view("cheap_items").orElseThrow().columns()).containsExactly("id", "label", "total");
    assertThat(live.view("cheap_items").orElseThrow().definitionHash()).isNull();
    assertThat(live.table("items").orElseThrow().column("total").orElseThrow().generated()).isNotNull();
    assertThat(live.table("items").orElseThrow().column("note").orElseThrow().generated()).isNull();
    // push compares a live view by kind and columns, a generated column by being generated: no drift
    SchemaSnapshot v2 = code(ITEMS_V2, LABELS, CHEAP_V2);
    assertThat(Pusher.builder(db).dryRun().build().push(v2).block(T).plan().changes()).isEmpty();
    if (schemas()) {
      // push reads the current schema only: a table in another one is refused by name, not pushed blind
      assertThatThrownBy(() -> Pusher.builder(db).dryRun().build().push(code(ITEMS_V2, LABELS, CHEAP_V2, EVENTS_V2)).block(T))
          .isInstanceOf(dev.sluice.migrations.MigrationException.class).hasMessageContaining("audit.events");
    }
    // a view the code does not declare is left alone by push; one it declares with other columns is re-created
    db.sql("CREATE VIEW stray AS SELECT id FROM items").execute().block(T);
    assertThat(Pusher.builder(db).dryRun().build().push(v2).block(T).plan().changes()).isEmpty();
    db.sql("DROP VIEW item_labels").execute().block(T);
    db.sql("CREATE VIEW item_labels AS SELECT id FROM items").execute().block(T);
    assertThat(Pusher.builder(db).dryRun().build().push(v2).block(T).plan().changes()).extracting(Change::describe)
        .containsExactly("drop view item_labels", "create view item_labels");
    assertThat(Pusher.builder(db).build().push(v2).block(T).applied()).isTrue();
    assertThat(rows("SELECT label FROM item_labels ORDER BY label")).containsExactly("inkblue", "penred");
    db.sql("DROP VIEW stray").execute().block(T);

    // the view's query alone changes: replaced in place, the view reading it still works
    Migrator m3 = migrator("2026-01-03T10:00:00Z");
    Reports.GenerateReport g3 = m3.generate("v3", code(ITEMS_V2, LABELS_V3, CHEAP_V3, EVENTS_V2), RenameResolver.refuse(),
        false).block(T);
    assertThat(g3.plan().changes()).extracting(Change::describe).containsExactly("replace view cheap_items");
    m3.migrate().block(T);
    assertThat(rows("SELECT id, label, total FROM cheap_items ORDER BY id")).containsExactly("1/penred/12");
    assertThat(rows("SELECT label FROM item_labels")).containsExactly("penred");
    assertThat(m3.generate("again", code(ITEMS_V2, LABELS_V3, CHEAP_V3, EVENTS_V2), RenameResolver.refuse(), false)
        .block(T).migration()).isNull();

    // down scripts: v3's query, then v2's columns and expression, undone
    m3.rollback(1).block(T);
    assertThat(rows("SELECT id, label, total FROM cheap_items ORDER BY id")).containsExactly("1/penred/12", "2/inkblue/30");
    m3.rollback(1).block(T);
    assertThat(rows("SELECT id, label, total FROM cheap_items ORDER BY id")).containsExactly("1/penred/6");
    assertThat(rows("SELECT name, total FROM items ORDER BY id")).containsExactly("pen/6", "ink/15", "cap/60");
    if (schemas()) {
      assertThat(rows("SELECT what FROM audit.events ORDER BY id")).containsExactly("boot", "deploy");
    }
  }
}
