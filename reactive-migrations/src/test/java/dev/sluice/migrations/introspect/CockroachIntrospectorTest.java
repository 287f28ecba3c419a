package dev.sluice.migrations.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CockroachDB catalog rows as CockroachDB 24.1 returns them through r2dbc-postgresql (INT8 counts
 * as {@code Long}; defaults with typed casts, {@code 'x':::STRING}; {@code unique_rowid()} for a
 * {@code bigserial}; the primary key on the hidden {@code rowid} of a table declared without one),
 * mapped to the exact snapshot.
 */
class CockroachIntrospectorTest {
  private static Object[] col(String table, String column, String dataType, String udt, Long len, Long prec, Long scale,
      String nullable, String dflt, String identity) {
    return new Object[] {table, column, dataType, udt, len, prec, scale, nullable, dflt, identity, "NEVER", null};
  }

  static RecordedRows recorded() {
    RecordedRows r = new RecordedRows()
        .query("enums", "name", "label")
        .row("popularity", "unknown").row("popularity", "known").row("popularity", "popular")
        .query("columns", "table_name", "column_name", "data_type", "udt_name", "len", "prec", "scale", "is_nullable",
            "column_default", "is_identity", "is_generated", "generation_expression");
    for (Object[] c : List.of(
        col("events", "kind", "text", "text", null, null, null, "YES", null, "NO"),
        col("kitchens", "id", "bigint", "int8", null, 64L, 0L, "NO", "unique_rowid()", "NO"),
        col("kitchens", "flag", "boolean", "bool", null, null, null, "NO", "true", "NO"),
        col("kitchens", "code", "character", "bpchar", 3L, null, null, "YES", "'it''s':::STRING", "NO"),
        col("kitchens", "amount", "numeric", "numeric", null, 12L, 2L, "YES", "0.50:::DECIMAL", "NO"),
        col("kitchens", "ratio", "real", "float4", null, 24L, null, "YES", null, "NO"),
        col("kitchens", "score", "double precision", "float8", null, 53L, null, "YES", null, "NO"),
        col("kitchens", "doc", "jsonb", "jsonb", null, null, null, "YES", null, "NO"),
        col("kitchens", "payload", "bytea", "bytea", null, null, null, "YES", null, "NO"),
        col("kitchens", "stamp_tz", "timestamp with time zone", "timestamptz", null, null, null, "YES", "now():::TIMESTAMPTZ", "NO"),
        col("kitchens", "popularity", "USER-DEFINED", "popularity", null, null, null, "YES", "'known':::public.popularity", "NO"),
        col("kitchens", "small", "smallint", "int2", null, 16L, 0L, "YES", "-1:::INT8", "NO"),
        col("users", "id", "integer", "int4", null, 32L, 0L, "NO", null, "YES"),
        col("users", "full_name", "character varying", "varchar", 256L, null, null, "NO", null, "NO"),
        col("users", "email", "character varying", "varchar", 256L, null, null, "YES", null, "NO"),
        col("users", "kitchen_id", "bigint", "int8", null, 64L, 0L, "YES", null, "NO"))) {
      r.row(c);
    }
    return r
        .query("keys", "table_name", "name", "kind", "column_name", "ord", "ref_pos", "ref_constraint", "on_delete", "on_update")
        .row("events", "events_pkey", "PRIMARY KEY", "rowid", 1L, null, null, null, null)
        .row("kitchens", "kitchens_pkey", "PRIMARY KEY", "id", 1L, null, null, null, null)
        .row("users", "users_email_key", "UNIQUE", "email", 1L, null, null, null, null)
        .row("users", "users_kitchen_id_fkey", "FOREIGN KEY", "kitchen_id", 1L, 1L, "kitchens_pkey", "SET NULL", "NO ACTION")
        .row("users", "users_pkey", "PRIMARY KEY", "id", 1L, null, null, null, null)
        .query("ref-columns", "name", "table_name", "column_name", "ord")
        .row("events_pkey", "events", "rowid", 1L)
        .row("kitchens_pkey", "kitchens", "id", 1L)
        .row("users_email_key", "users", "email", 1L)
        .row("users_pkey", "users", "id", 1L)
        .query("checks", "table_name", "name", "def")
        .row("users", "users_full_name_check", "CHECK ((length(full_name) > 0:::INT8))")
        .query("indexes", "name", "table_name", "is_unique", "predicate", "column_name", "ord")
        .row("kitchens_flag_small_index", "kitchens", "false", null, "flag", 1L)
        .row("kitchens_flag_small_index", "kitchens", "false", null, "small", 2L)
        .row("users_live_email_index", "users", "true", "(full_name IS NOT NULL)", "email", 1L);
  }

  @Test
  void recordedCatalogRowsMapToTheExactSnapshot() {
    SchemaSnapshot s = new CockroachIntrospector().map(recorded().build(), Set.of());

    SchemaSnapshot expected = SchemaSnapshot.of(List.of(new EnumSnapshot("popularity", List.of("unknown", "known", "popular"))),
        List.of(
            new TableSnapshot("events", List.of(new ColumnSnapshot("kind", ColumnType.of(SqlKind.TEXT), true, null, false)),
                List.of(), List.of(), List.of(), List.of(), List.of()),
            new TableSnapshot("kitchens", List.of(
                new ColumnSnapshot("id", ColumnType.of(SqlKind.BIGINT), false, null, true),
                new ColumnSnapshot("flag", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
                new ColumnSnapshot("code", new ColumnType(SqlKind.CHAR, 3, 0, 0, null), true, ColumnDefault.string("it's"), false),
                new ColumnSnapshot("amount", new ColumnType(SqlKind.DECIMAL, 0, 12, 2, null), true, ColumnDefault.number("0.50"), false),
                new ColumnSnapshot("ratio", ColumnType.of(SqlKind.REAL), true, null, false),
                new ColumnSnapshot("score", ColumnType.of(SqlKind.DOUBLE), true, null, false),
                new ColumnSnapshot("doc", ColumnType.of(SqlKind.JSONB), true, null, false),
                new ColumnSnapshot("payload", ColumnType.of(SqlKind.BYTES), true, null, false),
                new ColumnSnapshot("stamp_tz", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("now()"), false),
                new ColumnSnapshot("popularity", new ColumnType(SqlKind.ENUM, 0, 0, 0, "popularity"), true,
                    ColumnDefault.string("known"), false),
                new ColumnSnapshot("small", ColumnType.of(SqlKind.SMALLINT), true, ColumnDefault.number("-1"), false)),
                List.of("id"), List.of(), List.of(),
                List.of(new IndexSnapshot("kitchens_flag_small_index", List.of("flag", "small"), false, null)), List.of()),
            new TableSnapshot("users", List.of(
                new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
                new ColumnSnapshot("full_name", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), false, null, false),
                new ColumnSnapshot("email", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), true, null, false),
                new ColumnSnapshot("kitchen_id", ColumnType.of(SqlKind.BIGINT), true, null, false)),
                List.of("id"),
                List.of(new ForeignKeySnapshot("users_kitchen_id_fkey", List.of("kitchen_id"), "kitchens", List.of("id"),
                    ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION)),
                List.of(new UniqueSnapshot("users_email_key", List.of("email"))),
                List.of(new IndexSnapshot("users_live_email_index", List.of("email"), true, "(full_name IS NOT NULL)")),
                List.of(new CheckSnapshot("users_full_name_check", "((length(full_name) > 0:::INT8))")))));
    assertThat(SnapshotJson.write(s)).isEqualTo(SnapshotJson.write(expected));
    assertThat(s).isEqualTo(expected);
  }
}
