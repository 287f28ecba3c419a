package dev.sluice.migrations.objects;

import static dev.sluice.migrations.fixtures.ObjectsSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.DataLossLint;
import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaChanges;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.GeneratedSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import dev.sluice.migrations.sql.MigrationSql;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views, generated columns and database schemas in snapshots, diffs and migration SQL, without a database. */
class MigratedObjectsTest {
  private static final Dialect PG = Dialects.named("postgresql");
  private static final Dialect MARIA = Dialects.named("mariadb");

  private static SchemaSnapshot v1(Dialect d) { return CodeSnapshots.of(d, ITEMS_V1, CHEAP_V1, EVENTS_V1); }

  private static SchemaSnapshot v2(Dialect d) { return CodeSnapshots.of(d, ITEMS_V2, LABELS, CHEAP_V2, EVENTS_V2); }

  private static MigrationPlan plan(SchemaSnapshot from, SchemaSnapshot to) {
    return SchemaDiff.between(from, to, RenameResolver.refuse());
  }

  private static List<String> described(MigrationPlan p) {
    return p.changes().stream().map(Change::describe).toList();
  }

  @Test
  void aSnapshotRecordsViewsSchemasAndGeneratedColumnsAsTheDialectWritesThem() {
    SchemaSnapshot s = v1(PG);
    ViewSnapshot cheap = s.view("cheap_items").orElseThrow();
    assertThat(cheap.columns()).containsExactly("id", "label", "total");
    assertThat(cheap.reads()).containsExactly("items");
    assertThat(cheap.materialized()).isFalse();
    assertThat(cheap.definition()).containsExactly("CREATE OR REPLACE VIEW \"cheap_items\" (\"id\", \"label\", \"total\") AS "
        + "SELECT \"id\", \"label\", \"total\" FROM \"items\" WHERE \"price\" < 10");
    assertThat(cheap.definitionHash()).hasSize(64).isEqualTo(ViewSnapshot.hash(cheap.definition()));
    assertThat(s.table("events").orElseThrow().schema()).isEqualTo("audit");
    assertThat(s.schemas()).containsExactly("audit");
    assertThat(s.table("items").orElseThrow().column("total").orElseThrow().generated())
        .isEqualTo(new GeneratedSnapshot("price * qty", true));
    // a typed expression is the dialect's SQL: || on PostgreSQL, CONCAT on MariaDB
    assertThat(s.table("items").orElseThrow().column("label").orElseThrow().generated().expression())
        .isEqualTo("(\"name\" || \"color\")");
    assertThat(v1(MARIA).table("items").orElseThrow().column("label").orElseThrow().generated().expression())
        .contains("CONCAT");
  }

  @Test
  void withoutADialectAViewOrATypedGeneratedColumnIsRefusedByName() {
    assertThatThrownBy(() -> CodeSnapshots.of(List.of(ITEMS_V1, CHEAP_V1)))
        .isInstanceOf(MigrationException.class).hasMessageContaining("items.label").hasMessageContaining("dialect");
    assertThatThrownBy(() -> CodeSnapshots.of(List.of(CHEAP_V1)))
        .isInstanceOf(MigrationException.class).hasMessageContaining("View cheap_items");
    assertThat(CodeSnapshots.of(List.of(EVENTS_V1)).table("events").orElseThrow().schema()).isEqualTo("audit");
  }

  @Test
  void snapshotJsonRoundTripsTheNewFieldsAndReadsFilesWrittenBeforeThem() {
    SchemaSnapshot s = v2(PG);
    String json = SnapshotJson.write(s);
    assertThat(json).contains("\"views\"", "\"definitionHash\"", "\"generated\"", "\"schema\" : \"audit\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(s);
    String old = """
        {
          "formatVersion" : 1,
          "tables" : [
            {
              "columns" : [
                {
                  "identity" : true,
                  "name" : "id",
                  "nullable" : false,
                  "type" : { "kind" : "INTEGER", "length" : 0, "precision" : 0, "scale" : 0 }
                }
              ],
              "name" : "users",
              "primaryKey" : [ "id" ]
            }
          ]
        }
        """;
    SchemaSnapshot read = SnapshotJson.read(old);
    assertThat(read.views()).isEmpty();
    assertThat(read.tables().get(0).schema()).isNull();
    assertThat(read.tables().get(0).columns().get(0).generated()).isNull();
    assertThat(SnapshotJson.write(read)).doesNotContain("views", "schema", "generated");
  }

  @Test
  void theFirstPlanCreatesTheSchemaFirstAndTheViewAfterItsTable() {
    MigrationPlan p = plan(SchemaSnapshot.EMPTY, v1(PG));
    assertThat(described(p)).containsExactly("create schema audit", "create table events", "create table items",
        "create view cheap_items");
    assertThat(SchemaChanges.applyAll(p.from(), p.changes())).isEqualTo(p.to());
    String up = MigrationSql.forDialect(PG).up(p).text();
    assertThat(up).contains("CREATE SCHEMA IF NOT EXISTS \"audit\";",
        "CREATE TABLE IF NOT EXISTS \"audit\".\"events\" (",
        "\"label\" character varying(80) GENERATED ALWAYS AS ((\"name\" || \"color\")) STORED,",
        "\"total\" INT GENERATED ALWAYS AS (price * qty) STORED\n",
        "CREATE OR REPLACE VIEW \"cheap_items\"");
    assertThat(up.indexOf("CREATE SCHEMA")).isLessThan(up.indexOf("\"audit\".\"events\""));
    assertThat(up.indexOf("CREATE TABLE IF NOT EXISTS \"items\"")).isLessThan(up.indexOf("VIEW \"cheap_items\""));
    String down = MigrationSql.forDialect(PG).down(p).text();
    assertThat(down).contains("DROP VIEW IF EXISTS \"cheap_items\";", "DROP TABLE IF EXISTS \"audit\".\"events\";",
        "DROP SCHEMA IF EXISTS \"audit\" RESTRICT;");
    assertThat(down.indexOf("DROP VIEW")).isLessThan(down.indexOf("DROP TABLE IF EXISTS \"items\""));
    assertThat(down.indexOf("DROP TABLE IF EXISTS \"audit\"")).isLessThan(down.indexOf("DROP SCHEMA"));
  }

  @Test
  void aChangedTableDropsItsViewsFirstAndCreatesThemLast() {
    MigrationPlan p = plan(v1(PG), v2(PG));
    assertThat(described(p)).containsExactly(
        "drop view cheap_items",
        "add column events.actor", "drop column items.total", "add column items.total", "add column items.note",
        "create view cheap_items", "create view item_labels");
    assertThat(SchemaChanges.applyAll(p.from(), p.changes())).isEqualTo(p.to());
    // the generated column is computed again: no data-loss finding
    assertThat(DataLossLint.check(p)).isEmpty();
    String up = MigrationSql.forDialect(PG).up(p).text();
    assertThat(up).contains("ALTER TABLE \"audit\".\"events\" ADD COLUMN IF NOT EXISTS \"actor\"",
        "\"total\" INT GENERATED ALWAYS AS (price * qty * 2) STORED");
    MigrationPlan back = p.reverse();
    assertThat(SchemaChanges.applyAll(back.from(), back.changes())).isEqualTo(back.to());
    assertThat(described(back)).startsWith("drop view item_labels", "drop view cheap_items");
  }

  @Test
  void aChangedQueryAloneReplacesTheViewInPlace() {
    SchemaSnapshot v2 = v2(PG);
    SchemaSnapshot v3 = CodeSnapshots.of(PG, ITEMS_V2, LABELS_V3, CHEAP_V3, EVENTS_V2);
    MigrationPlan p = plan(v2, v3);
    assertThat(described(p)).containsExactly("replace view cheap_items");
    assertThat(MigrationSql.forDialect(PG).up(p).statements())
        .containsExactly(v3.view("cheap_items").orElseThrow().definition().get(0));
    assertThat(MigrationSql.forDialect(Dialects.named("sqlserver")).up(
        plan(CodeSnapshots.of(Dialects.named("sqlserver"), ITEMS_V2, CHEAP_V2),
            CodeSnapshots.of(Dialects.named("sqlserver"), ITEMS_V2, CHEAP_V3))).statements().get(0))
        .startsWith("CREATE OR ALTER VIEW [cheap_items]");
    assertThat(plan(v3, v3).isEmpty()).isTrue();
  }

  @Test
  void aMaterializedViewIsDroppedAndCreatedRatherThanReplaced() {
    ViewSnapshot before = ViewSnapshot.ofCode("m", null, List.of("id"), true, List.of("items"),
        List.of("CREATE MATERIALIZED VIEW IF NOT EXISTS \"m\" (\"id\") AS SELECT 1"));
    ViewSnapshot after = ViewSnapshot.ofCode("m", null, List.of("id"), true, List.of("items"),
        List.of("CREATE MATERIALIZED VIEW IF NOT EXISTS \"m\" (\"id\") AS SELECT 2"));
    SchemaSnapshot a = v2(PG).withViews(List.of(before));
    SchemaSnapshot b = v2(PG).withViews(List.of(after));
    MigrationPlan p = plan(a, b);
    assertThat(MigrationSql.forDialect(PG).up(p).statements()).containsExactly(
        "DROP MATERIALIZED VIEW IF EXISTS \"m\"", "CREATE MATERIALIZED VIEW IF NOT EXISTS \"m\" (\"id\") AS SELECT 2");
  }

  @Test
  void aViewReadFromALiveDatabaseHasNoHashAndIsComparedByColumnsOnly() {
    ViewSnapshot code = v1(PG).view("cheap_items").orElseThrow();
    ViewSnapshot live = ViewSnapshot.live("cheap_items", null, code.columns(), false);
    SchemaSnapshot liveSchema = v1(PG).withViews(List.of(live));
    assertThat(plan(liveSchema, v1(PG)).isEmpty()).isTrue();
    ViewSnapshot otherColumns = ViewSnapshot.live("cheap_items", null, List.of("id"), false);
    assertThat(described(plan(v1(PG).withViews(List.of(otherColumns)), v1(PG))))
        .containsExactly("drop view cheap_items", "create view cheap_items");
  }

  @Test
  void aDroppedSchemaIsLeftAloneOnMariaDbAndRefusedOnSqlite() {
    SchemaSnapshot withEvents = CodeSnapshots.of(MARIA, EVENTS_V1);
    MigrationPlan drop = plan(withEvents, SchemaSnapshot.EMPTY);
    assertThat(described(drop)).containsExactly("drop table events", "drop schema audit");
    assertThat(MigrationSql.forDialect(MARIA).up(drop).statements()).containsExactly("DROP TABLE IF EXISTS `audit`.`events`");
    assertThatThrownBy(() -> MigrationSql.forDialect(Dialects.named("sqlite")).up(plan(SchemaSnapshot.EMPTY, withEvents)))
        .isInstanceOf(dev.sluice.error.UnsupportedByDialectException.class).hasMessageContaining("audit");
  }
}
