package dev.sluice.migrations.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Oracle catalog rows as Oracle 23ai returns them through oracle-r2dbc ({@code NUMBER} columns as
 * {@code BigDecimal}, {@code DATA_DEFAULT} as the LONG text of the default as written, trailing
 * blanks and line break included, an identity column's default naming its {@code ISEQ$$_}
 * sequence, {@code TIMESTAMP(6)} as the data type, {@code NOT NULL} as system-named checks), mapped
 * to the exact snapshot. No live H2 test here: H2 2.4's {@code MODE=Oracle} has none of the
 * {@code USER_*} views (nor {@code ALL_*}), so it can run no part of this catalog SQL.
 */
class OracleIntrospectorTest {
  private static BigDecimal n(int v) {
    return BigDecimal.valueOf(v);
  }

  private static Object[] col(String table, String column, String type, int length, Integer charLength,
      Integer precision, Integer scale, String nullable, String dflt, String identity) {
    return new Object[] {table, column, type, n(length), charLength == null ? null : n(charLength),
        precision == null ? null : n(precision), scale == null ? null : n(scale), nullable, dflt, identity, "NO"};
  }

  static RecordedRows recorded() {
    RecordedRows r = new RecordedRows().query("columns", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "DATA_LENGTH",
        "CHAR_LENGTH", "DATA_PRECISION", "DATA_SCALE", "NULLABLE", "DATA_DEFAULT", "IDENTITY_COLUMN", "VIRTUAL_COLUMN");
    for (Object[] c : List.of(
        col("memberships", "user_id", "NUMBER", 22, 0, 10, 0, "N", null, "NO"),
        col("memberships", "group_id", "NUMBER", 22, 0, 10, 0, "N", null, "NO"),
        col("users", "id", "NUMBER", 22, 0, 10, 0, "N", "\"SLUICE\".\"ISEQ$$_72857\".nextval", "YES"),
        col("users", "full_name", "VARCHAR2", 256, 256, null, null, "N", null, "NO"),
        col("users", "email", "VARCHAR2", 1024, 256, null, null, "Y", null, "NO"),
        col("users", "code", "CHAR", 3, 3, null, null, "Y", "'it''s' ", "NO"),
        col("users", "bio", "CLOB", 4000, 0, null, null, "Y", null, "NO"),
        col("users", "small", "NUMBER", 22, 0, 5, 0, "Y", "-1", "NO"),
        col("users", "big", "NUMBER", 22, 0, 19, 0, "Y", null, "NO"),
        col("users", "active", "NUMBER", 22, 0, 1, 0, "N", "1\n", "NO"),
        col("users", "amount", "NUMBER", 22, 0, 12, 2, "Y", "0.50 ", "NO"),
        col("users", "ratio", "BINARY_FLOAT", 4, 0, null, null, "Y", null, "NO"),
        col("users", "score", "BINARY_DOUBLE", 8, 0, null, null, "Y", null, "NO"),
        col("users", "born", "DATE", 7, 0, null, null, "Y", null, "NO"),
        col("users", "seen", "TIMESTAMP(6)", 11, 0, null, 6, "Y", null, "NO"),
        col("users", "created_at", "TIMESTAMP(6) WITH TIME ZONE", 13, 0, null, 6, "Y", "CURRENT_TIMESTAMP ", "NO"),
        col("users", "uid", "RAW", 16, 0, null, null, "Y", null, "NO"),
        col("users", "payload", "BLOB", 4000, 0, null, null, "Y", null, "NO"),
        col("users", "popularity", "VARCHAR2", 255, 255, null, null, "Y", "'known'", "NO"),
        col("users", "counter", "NUMBER", 22, 0, null, null, "Y", "NULL ", "NO"))) {
      r.row(c);
    }
    return r
        .query("constraints", "TABLE_NAME", "NAME", "KIND", "COLUMN_NAME", "POSITION", "REF_TABLE", "REF_COLUMN",
            "DELETE_RULE", "SEARCH_CONDITION", "GENERATED")
        .row("memberships", "SYS_C008331", "C", "user_id", n(1), null, null, null, "\"user_id\" IS NOT NULL", "GENERATED NAME")
        .row("memberships", "SYS_C008332", "C", "group_id", n(1), null, null, null, "\"group_id\" IS NOT NULL", "GENERATED NAME")
        .row("memberships", "SYS_C008333", "P", "user_id", n(1), null, null, null, null, "GENERATED NAME")
        .row("memberships", "SYS_C008333", "P", "group_id", n(2), null, null, null, null, "GENERATED NAME")
        .row("memberships", "memberships_user_fkey", "R", "user_id", n(1), "users", "id", "CASCADE", null, "USER NAME")
        .row("users", "SYS_C008321", "C", "full_name", n(1), null, null, null, "\"full_name\" IS NOT NULL", "GENERATED NAME")
        .row("users", "SYS_C008325", "P", "id", n(1), null, null, null, null, "GENERATED NAME")
        .row("users", "users_email_key", "U", "email", n(1), null, null, null, null, "USER NAME")
        .row("users", "users_name_check", "C", "full_name", n(1), null, null, null, "length(full_name) > 0", "USER NAME")
        .row("users", "users_pair_check", "C", "small", n(1), null, null, null, "\"small\" < \"big\"", "USER NAME")
        .row("users", "users_pair_check", "C", "big", n(2), null, null, null, "\"small\" < \"big\"", "USER NAME")
        .row("users", "users_popularity_enum", "C", "popularity", n(1), null, null, null,
            "\"popularity\" IN ('unknown', 'known', 'popular')", "USER NAME")
        .query("indexes", "TABLE_NAME", "NAME", "UNIQUENESS", "COLUMN_NAME", "POSITION")
        .row("memberships", "memberships_group_user_index", "NONUNIQUE", "group_id", n(1))
        .row("memberships", "memberships_group_user_index", "NONUNIQUE", "user_id", n(2))
        .row("users", "users_full_name_index", "UNIQUE", "full_name", n(1));
  }

  @Test
  void recordedCatalogRowsMapToTheExactSnapshot() {
    SchemaSnapshot s = new OracleIntrospector().map(recorded().build(), Set.of());

    SchemaSnapshot expected = SchemaSnapshot.of(List.of(), List.of(
        new TableSnapshot("memberships", List.of(
            new ColumnSnapshot("user_id", ColumnType.of(SqlKind.INTEGER), false, null, false),
            new ColumnSnapshot("group_id", ColumnType.of(SqlKind.INTEGER), false, null, false)),
            List.of("user_id", "group_id"),
            List.of(new ForeignKeySnapshot("memberships_user_fkey", List.of("user_id"), "users", List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
            List.of(), List.of(new IndexSnapshot("memberships_group_user_index", List.of("group_id", "user_id"), false, null)),
            List.of()),
        new TableSnapshot("users", List.of(
            new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
            new ColumnSnapshot("full_name", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), false, null, false),
            new ColumnSnapshot("email", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), true, null, false),
            new ColumnSnapshot("code", new ColumnType(SqlKind.CHAR, 3, 0, 0, null), true, ColumnDefault.string("it's"), false),
            new ColumnSnapshot("bio", ColumnType.of(SqlKind.TEXT), true, null, false),
            new ColumnSnapshot("small", ColumnType.of(SqlKind.SMALLINT), true, ColumnDefault.number("-1"), false),
            new ColumnSnapshot("big", ColumnType.of(SqlKind.BIGINT), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
            new ColumnSnapshot("amount", new ColumnType(SqlKind.DECIMAL, 0, 12, 2, null), true, ColumnDefault.number("0.50"), false),
            new ColumnSnapshot("ratio", ColumnType.of(SqlKind.REAL), true, null, false),
            new ColumnSnapshot("score", ColumnType.of(SqlKind.DOUBLE), true, null, false),
            new ColumnSnapshot("born", ColumnType.of(SqlKind.DATE), true, null, false),
            new ColumnSnapshot("seen", ColumnType.of(SqlKind.TIMESTAMP), true, null, false),
            new ColumnSnapshot("created_at", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("CURRENT_TIMESTAMP"), false),
            new ColumnSnapshot("uid", ColumnType.of(SqlKind.UUID), true, null, false),
            new ColumnSnapshot("payload", ColumnType.of(SqlKind.BYTES), true, null, false),
            new ColumnSnapshot("popularity", new ColumnType(SqlKind.VARCHAR, 255, 0, 0, null), true, ColumnDefault.string("known"), false),
            new ColumnSnapshot("counter", new ColumnType(SqlKind.CUSTOM, 0, 0, 0, "NUMBER"), true, null, false)),
            List.of("id"), List.of(),
            List.of(new UniqueSnapshot("users_email_key", List.of("email"))),
            List.of(new IndexSnapshot("users_full_name_index", List.of("full_name"), true, null)),
            List.of(new CheckSnapshot("users_name_check", "length(full_name) > 0"),
                new CheckSnapshot("users_pair_check", "\"small\" < \"big\"")))));
    assertThat(SnapshotJson.write(s)).isEqualTo(SnapshotJson.write(expected));
    assertThat(s).isEqualTo(expected);
  }
}
