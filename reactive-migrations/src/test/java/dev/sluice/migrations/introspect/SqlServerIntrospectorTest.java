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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SQL Server catalog rows, as SQL Server 2022 returns them through r2dbc-mssql ({@code smallint}
 * as {@code Short}, {@code tinyint} as {@code Byte}, {@code bit} as {@code Boolean}), mapped to the
 * exact snapshot: byte lengths of {@code nvarchar}/{@code nchar}, {@code -1} for {@code max},
 * parenthesised defaults, identity, composite and filtered indexes, composite keys, actions.
 */
class SqlServerIntrospectorTest {
  private static final String[] COLUMNS = {"table_name", "column_name", "type_name", "max_length", "prec", "scale",
      "is_nullable", "is_identity", "default_definition", "computed_definition", "is_persisted"};

  private static Object[] col(String table, String column, String type, int maxLength, int prec, int scale,
      boolean nullable, boolean identity, String dflt) {
    return new Object[] {table, column, type, (short) maxLength, (byte) prec, (byte) scale, nullable, identity, dflt, null, null};
  }

  static RecordedRows recorded() {
    RecordedRows r = new RecordedRows().query("columns", COLUMNS);
    for (Object[] c : List.of(
        col("memberships", "user_id", "int", 4, 10, 0, false, false, null),
        col("memberships", "group_id", "int", 4, 10, 0, false, false, null),
        col("memberships", "role", "nvarchar", 40, 0, 0, false, false, "(N'member')"),
        col("seats", "team_id", "bigint", 8, 19, 0, false, false, null),
        col("seats", "seat_no", "smallint", 2, 5, 0, false, false, null),
        col("tickets", "id", "bigint", 8, 19, 0, false, true, null),
        col("tickets", "team_id", "bigint", 8, 19, 0, true, false, null),
        col("tickets", "seat_no", "smallint", 2, 5, 0, true, false, null),
        col("users", "id", "int", 4, 10, 0, false, true, null),
        col("users", "full_name", "nvarchar", 512, 0, 0, false, false, null),
        col("users", "email", "nvarchar", 512, 0, 0, true, false, null),
        col("users", "bio", "nvarchar", -1, 0, 0, true, false, null),
        col("users", "code", "nchar", 6, 0, 0, true, false, "(N'it''s')"),
        col("users", "legacy", "varchar", 20, 0, 0, true, false, null),
        col("users", "active", "bit", 1, 1, 0, false, false, "((1))"),
        col("users", "amount", "decimal", 9, 12, 2, true, false, "((0.50))"),
        col("users", "visits", "int", 4, 10, 0, true, false, "((-3))"),
        col("users", "score", "float", 8, 53, 0, true, false, null),
        col("users", "ratio", "real", 4, 24, 0, true, false, null),
        col("users", "born", "date", 3, 10, 0, true, false, null),
        col("users", "wakes", "time", 5, 16, 7, true, false, null),
        col("users", "seen", "datetime2", 8, 27, 7, true, false, null),
        col("users", "created_at", "datetimeoffset", 10, 34, 7, true, false, "(getdate())"),
        col("users", "uid", "uniqueidentifier", 16, 0, 0, true, false, null),
        col("users", "payload", "varbinary", -1, 0, 0, true, false, null),
        col("users", "popularity", "nvarchar", 510, 0, 0, true, false, "(N'known')"),
        col("users", "geo", "geography", -1, 0, 0, true, false, null),
        col("sluice_migrations", "name", "nvarchar", 510, 0, 0, false, false, null))) {
      r.row(c);
    }
    return r
        .query("keys", "table_name", "name", "kind", "column_name", "ord")
        .row("memberships", "memberships_pkey", "PRIMARY KEY", "user_id", 1)
        .row("memberships", "memberships_pkey", "PRIMARY KEY", "group_id", 2)
        .row("seats", "seats_pkey", "PRIMARY KEY", "team_id", 1)
        .row("seats", "seats_pkey", "PRIMARY KEY", "seat_no", 2)
        .row("tickets", "tickets_pkey", "PRIMARY KEY", "id", 1)
        .row("users", "users_email_key", "UNIQUE", "email", 1)
        .row("users", "users_pkey", "PRIMARY KEY", "id", 1)
        .query("foreign-keys", "table_name", "name", "ref_table", "column_name", "ref_column", "on_delete", "on_update", "ord")
        .row("memberships", "memberships_user_id_fkey", "users", "user_id", "id", "CASCADE", "NO_ACTION", 1)
        .row("tickets", "tickets_seat_fkey", "seats", "team_id", "team_id", "SET_NULL", "CASCADE", 1)
        .row("tickets", "tickets_seat_fkey", "seats", "seat_no", "seat_no", "SET_NULL", "CASCADE", 2)
        .query("checks", "table_name", "name", "clause")
        .row("users", "users_full_name_check", "(len([full_name])>(0))")
        .row("users", "users_popularity_enum", "([popularity]='popular' OR [popularity]='known' OR [popularity]='unknown')")
        .query("indexes", "table_name", "name", "is_unique", "has_filter", "filter_definition", "column_name", "ord")
        .row("memberships", "memberships_group_role_index", false, false, null, "group_id", (byte) 1)
        .row("memberships", "memberships_group_role_index", false, false, null, "role", (byte) 2)
        .row("users", "users_active_email_index", true, true, "([active]=(1))", "email", (byte) 1)
        .row("users", "users_full_name_index", false, false, null, "full_name", (byte) 1);
  }

  @Test
  void recordedCatalogRowsMapToTheExactSnapshot() {
    SchemaSnapshot s = new SqlServerIntrospector().map(recorded().build(), Set.of("sluice_migrations"));

    SchemaSnapshot expected = SchemaSnapshot.of(List.of(), List.of(
        new TableSnapshot("memberships", List.of(
            new ColumnSnapshot("user_id", ColumnType.of(SqlKind.INTEGER), false, null, false),
            new ColumnSnapshot("group_id", ColumnType.of(SqlKind.INTEGER), false, null, false),
            new ColumnSnapshot("role", new ColumnType(SqlKind.VARCHAR, 20, 0, 0, null), false, ColumnDefault.string("member"), false)),
            List.of("user_id", "group_id"),
            List.of(new ForeignKeySnapshot("memberships_user_id_fkey", List.of("user_id"), "users", List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
            List.of(), List.of(new IndexSnapshot("memberships_group_role_index", List.of("group_id", "role"), false, null)),
            List.of()),
        new TableSnapshot("seats", List.of(
            new ColumnSnapshot("team_id", ColumnType.of(SqlKind.BIGINT), false, null, false),
            new ColumnSnapshot("seat_no", ColumnType.of(SqlKind.SMALLINT), false, null, false)),
            List.of("team_id", "seat_no"), List.of(), List.of(), List.of(), List.of()),
        new TableSnapshot("tickets", List.of(
            new ColumnSnapshot("id", ColumnType.of(SqlKind.BIGINT), false, null, true),
            new ColumnSnapshot("team_id", ColumnType.of(SqlKind.BIGINT), true, null, false),
            new ColumnSnapshot("seat_no", ColumnType.of(SqlKind.SMALLINT), true, null, false)),
            List.of("id"),
            List.of(new ForeignKeySnapshot("tickets_seat_fkey", List.of("team_id", "seat_no"), "seats",
                List.of("team_id", "seat_no"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
            List.of(), List.of(), List.of()),
        new TableSnapshot("users", List.of(
            new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
            new ColumnSnapshot("full_name", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), false, null, false),
            new ColumnSnapshot("email", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), true, null, false),
            new ColumnSnapshot("bio", ColumnType.of(SqlKind.TEXT), true, null, false),
            new ColumnSnapshot("code", new ColumnType(SqlKind.CHAR, 3, 0, 0, null), true, ColumnDefault.string("it's"), false),
            new ColumnSnapshot("legacy", new ColumnType(SqlKind.VARCHAR, 20, 0, 0, null), true, null, false),
            new ColumnSnapshot("active", ColumnType.of(SqlKind.BOOLEAN), false, ColumnDefault.bool(true), false),
            new ColumnSnapshot("amount", new ColumnType(SqlKind.DECIMAL, 0, 12, 2, null), true, ColumnDefault.number("0.50"), false),
            new ColumnSnapshot("visits", ColumnType.of(SqlKind.INTEGER), true, ColumnDefault.number("-3"), false),
            new ColumnSnapshot("score", ColumnType.of(SqlKind.DOUBLE), true, null, false),
            new ColumnSnapshot("ratio", ColumnType.of(SqlKind.REAL), true, null, false),
            new ColumnSnapshot("born", ColumnType.of(SqlKind.DATE), true, null, false),
            new ColumnSnapshot("wakes", ColumnType.of(SqlKind.TIME), true, null, false),
            new ColumnSnapshot("seen", ColumnType.of(SqlKind.TIMESTAMP), true, null, false),
            new ColumnSnapshot("created_at", ColumnType.of(SqlKind.TIMESTAMPTZ), true, ColumnDefault.sql("getdate()"), false),
            new ColumnSnapshot("uid", ColumnType.of(SqlKind.UUID), true, null, false),
            new ColumnSnapshot("payload", ColumnType.of(SqlKind.BYTES), true, null, false),
            new ColumnSnapshot("popularity", new ColumnType(SqlKind.VARCHAR, 255, 0, 0, null), true, ColumnDefault.string("known"), false),
            new ColumnSnapshot("geo", new ColumnType(SqlKind.CUSTOM, 0, 0, 0, "GEOGRAPHY"), true, null, false)),
            List.of("id"), List.of(),
            List.of(new UniqueSnapshot("users_email_key", List.of("email"))),
            List.of(new IndexSnapshot("users_active_email_index", List.of("email"), true, "([active]=(1))"),
                new IndexSnapshot("users_full_name_index", List.of("full_name"), false, null)),
            List.of(new CheckSnapshot("users_full_name_check", "(len([full_name])>(0))")))));
    assertThat(SnapshotJson.write(s)).isEqualTo(SnapshotJson.write(expected));
    assertThat(s).isEqualTo(expected);
  }

  @Test
  void defaultsLoseTheirParenthesesAndTheNationalPrefix() {
    ColumnType text = new ColumnType(SqlKind.VARCHAR, 20, 0, 0, null);
    assertThat(SqlServerIntrospector.defaultOf("(N'(a)')", text)).isEqualTo(ColumnDefault.string("(a)"));
    assertThat(SqlServerIntrospector.defaultOf("(N'')", text)).isEqualTo(ColumnDefault.string(""));
    assertThat(SqlServerIntrospector.defaultOf("((0))", ColumnType.of(SqlKind.BOOLEAN))).isEqualTo(ColumnDefault.bool(false));
    assertThat(SqlServerIntrospector.defaultOf("(NULL)", text)).isNull();
    assertThat(SqlServerIntrospector.defaultOf(null, text)).isNull();
    assertThat(SqlServerIntrospector.defaultOf("(abs((1))+(2))", ColumnType.of(SqlKind.INTEGER)))
        .isEqualTo(ColumnDefault.sql("abs((1))+(2)"));
  }
}
