package dev.sluice.migrations.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import dev.sluice.testing.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSnapshotsTest {

  @Test
  void readsColumnsKeysConstraintsIndexesAndEnumsFromTables() {
    SchemaSnapshot s = CodeSnapshots.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS,
        Schema.MEMBERSHIPS, Schema.KITCHENS);

    assertThat(s.tables()).extracting(TableSnapshot::name)
        .containsExactly("chat_groups", "cities", "countries", "kitchens", "memberships", "users");
    assertThat(s.enums()).containsExactly(new EnumSnapshot("popularity", List.of("unknown", "known", "popular")));

    TableSnapshot users = s.table("users").orElseThrow();
    assertThat(users.columns()).containsExactly(
        new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
        new ColumnSnapshot("full_name", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), false, null, false),
        new ColumnSnapshot("phone", new ColumnType(SqlKind.VARCHAR, 20, 0, 0, null), true, null, false),
        new ColumnSnapshot("email", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null), true, null, false),
        new ColumnSnapshot("created_at", ColumnType.of(SqlKind.TIMESTAMPTZ), true,
            ColumnDefault.sql("CURRENT_TIMESTAMP"), false));
    assertThat(users.primaryKey()).containsExactly("id");
    assertThat(users.uniques()).containsExactly(new UniqueSnapshot("users_email_key", List.of("email")));
    assertThat(users.indexes()).containsExactly(
        new IndexSnapshot("users_full_name_index", List.of("full_name"), false, null));

    TableSnapshot memberships = s.table("memberships").orElseThrow();
    assertThat(memberships.primaryKey()).containsExactly("user_id", "group_id");
    assertThat(memberships.foreignKeys()).containsExactly(
        new ForeignKeySnapshot("memberships_group_id_fkey", List.of("group_id"), "chat_groups", List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
        new ForeignKeySnapshot("memberships_user_id_fkey", List.of("user_id"), "users", List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));

    assertThat(s.table("chat_groups").orElseThrow().checks())
        .containsExactly(new CheckSnapshot("chat_groups_name_check", "length(name) > 0"));
    assertThat(s.table("countries").orElseThrow().indexes())
        .containsExactly(new IndexSnapshot("countries_name_index", List.of("name"), true, null));

    TableSnapshot kitchens = s.table("kitchens").orElseThrow();
    assertThat(kitchens.column("id").orElseThrow()).isEqualTo(
        new ColumnSnapshot("id", ColumnType.of(SqlKind.BIGINT), false, null, true));
    assertThat(kitchens.column("amount").orElseThrow().type()).isEqualTo(new ColumnType(SqlKind.DECIMAL, 0, 12, 2, null));
    assertThat(kitchens.column("code").orElseThrow().type()).isEqualTo(new ColumnType(SqlKind.CHAR, 3, 0, 0, null));
    assertThat(kitchens.column("popularity").orElseThrow().type())
        .isEqualTo(new ColumnType(SqlKind.ENUM, 0, 0, 0, "popularity"));
    assertThat(kitchens.column("price").orElseThrow().type()).isEqualTo(new ColumnType(SqlKind.CUSTOM, 0, 0, 0, "BIGINT"));
  }

  @Test
  void scansPublicStaticFinalTablesOfAPackage() {
    SchemaSnapshot scanned = CodeSnapshots.ofPackage("dev.sluice.migrations.fixtures.seed");
    assertThat(scanned).isEqualTo(CodeSnapshots.of(SeedSchema.USERS, SeedSchema.AUTH_OTP));
    assertThat(scanned.tables()).extracting(TableSnapshot::name).containsExactly("auth_otp", "users");
  }

  @Test
  void anEmptyPackageIsAnErrorNotAnEmptySchema() {
    assertThatThrownBy(() -> CodeSnapshots.ofPackage("dev.sluice.migrations.nothing.here"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("No public static final Table field found in package dev.sluice.migrations.nothing.here");
  }

  @Test
  void anAliasIsNotAStoredTable() {
    assertThatThrownBy(() -> CodeSnapshots.of(Schema.USERS.<Schema.Users>as("u")))
        .isInstanceOf(MigrationException.class).hasMessageContaining("alias or a derived table");
  }
}
