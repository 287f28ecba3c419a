package dev.sluice.migrations.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What push counts as a database's own spelling of the code (no change) and what as a change. */
class LiveBaselineTest {
  private static final ColumnSnapshot ID = new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true);

  private static SchemaSnapshot schema(List<EnumSnapshot> enums, List<ColumnSnapshot> columns, List<UniqueSnapshot> uniques,
      List<IndexSnapshot> indexes) {
    return SchemaSnapshot.of(enums, List.of(new TableSnapshot("cities", columns, List.of("id"), List.of(), uniques, indexes,
        List.of())));
  }

  private static List<Change> plan(String dialect, SchemaSnapshot live, SchemaSnapshot code) {
    return SchemaDiff.between(new LiveBaseline(dialect).of(live, code), code, RenameResolver.refuse()).changes();
  }

  private static final List<String> LABELS = List.of("unknown", "known", "popular");
  private static final SchemaSnapshot CODE = schema(List.of(new EnumSnapshot("popularity", LABELS)),
      List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "popularity"), true, null, false),
          new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
          new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false)),
      List.of(), List.of(new IndexSnapshot("cities_active_index", List.of("active"), true, null)));

  @Test
  void mariaDbsInlineEnumUniqueIndexAndDatetimeAreTheCodesOwn() {
    SchemaSnapshot live = schema(List.of(new EnumSnapshot("cities_popularity", LABELS)),
        List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "cities_popularity"), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
            new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMP), true, ColumnDefault.sql("current_timestamp(6)"), false)),
        List.of(new UniqueSnapshot("cities_active_index", List.of("active"))), List.of());
    assertThat(plan("mariadb", live, CODE)).isEmpty();
  }

  @Test
  void anEnumWhoseLabelsChangedIsAChangeOnMariaDb() {
    SchemaSnapshot live = schema(List.of(new EnumSnapshot("cities_popularity", List.of("unknown", "known"))),
        List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "cities_popularity"), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
            new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMP), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false)),
        List.of(new UniqueSnapshot("cities_active_index", List.of("active"))), List.of());
    assertThat(plan("mariadb", live, CODE)).extracting(Change::describe).anyMatch(d -> d.contains("popularity"));
  }

  @Test
  void sqliteStorageTypesAndNumericBooleansAreTheCodesOwnButAShorterVarcharIsAChange() {
    SchemaSnapshot live = schema(List.of(new EnumSnapshot("cities_popularity", LABELS)),
        List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "cities_popularity"), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.INTEGER), false, ColumnDefault.number("1"), false),
            new ColumnSnapshot("created", ColumnType.of(SqlKind.TEXT), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false)),
        List.of(), List.of(new IndexSnapshot("cities_active_index", List.of("active"), true, null)));
    assertThat(plan("sqlite", live, CODE)).isEmpty();

    SchemaSnapshot code = schema(List.of(), List.of(ID, new ColumnSnapshot("name", new ColumnType(SqlKind.VARCHAR, 10, 0, 0, null),
        true, null, false)), List.of(), List.of());
    SchemaSnapshot wider = schema(List.of(), List.of(ID, new ColumnSnapshot("name", new ColumnType(SqlKind.VARCHAR, 40, 0, 0, null),
        true, null, false)), List.of(), List.of());
    assertThat(plan("sqlite", wider, code)).extracting(Change::describe).singleElement().asString().contains("name");
  }

  @Test
  void onPostgresqlADifferentDefaultIsAChangeAndAReprintedOneIsNot() {
    SchemaSnapshot live = schema(List.of(new EnumSnapshot("popularity", LABELS)),
        List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "popularity"), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(false), false),
            new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("current_timestamp"), false)),
        List.of(), List.of(new IndexSnapshot("cities_active_index", List.of("active"), true, null)));
    assertThat(plan("postgresql", live, CODE)).extracting(Change::describe).singleElement().asString().contains("active");
  }

  /** The column as SQLite and H2 read it back: an enum {@code cities_popularity} with the check's labels. */
  private static SchemaSnapshot heldLabels(List<String> labels, ColumnSnapshot active) {
    return schema(List.of(new EnumSnapshot("cities_popularity", labels)),
        List.of(ID, new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "cities_popularity"), true, null, false),
            active, new ColumnSnapshot("created", ColumnType.of(SqlKind.TEXT), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false)),
        List.of(), List.of(new IndexSnapshot("cities_active_index", List.of("active"), true, null)));
  }

  @Test
  void onSqliteAndH2OtherLabelsInTheCheckAreLabelChangesOfTheCodesEnum() {
    ColumnSnapshot sqliteActive = new ColumnSnapshot("active", ColumnType.of(SqlKind.INTEGER), false, ColumnDefault.number("1"), false);
    assertThat(plan("sqlite", heldLabels(List.of("unknown", "known"), sqliteActive), CODE))
        .containsExactly(new Change.AddEnumValue(new EnumSnapshot("popularity", LABELS), "popular"));
    assertThat(plan("sqlite", heldLabels(List.of("unknown", "known", "popular", "viral"), sqliteActive), CODE))
        .containsExactly(new Change.DropEnumValue(new EnumSnapshot("popularity", List.of("unknown", "known", "popular", "viral")),
            "viral"));

    SchemaSnapshot h2Live = SchemaSnapshot.of(List.of(new EnumSnapshot("cities_popularity", List.of("unknown", "famous", "popular"))),
        List.of(new TableSnapshot("cities", List.of(ID,
            new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "cities_popularity"), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
            new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false)),
            List.of("id"), List.of(), List.of(), List.of(new IndexSnapshot("cities_active_index", List.of("active"), true, null)),
            List.of())));
    assertThat(SchemaDiff.between(new LiveBaseline("h2").of(h2Live, CODE), CODE,
        RenameResolver.flags(List.of("enum.popularity.famous:known"))).changes())
        .containsExactly(new Change.RenameEnumValue(new EnumSnapshot("popularity", LABELS), "famous", "known"));
  }
}
