package dev.sluice.migrations.diff;

import static dev.sluice.migrations.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.diff.Change.*;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.SqlKind;
import dev.sluice.testing.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static final SchemaSnapshot ALL = CodeSnapshots.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS,
      Schema.CHAT_GROUPS, Schema.MEMBERSHIPS, Schema.KITCHENS, Schema.POSTS, Schema.COMMENTS);

  @Test
  void createsEnumsThenParentsBeforeChildren() {
    MigrationPlan plan = SchemaDiff.between(SchemaSnapshot.EMPTY, ALL, RenameResolver.refuse());
    List<String> order = plan.changes().stream().map(Change::describe).toList();
    assertThat(order.get(0)).isEqualTo("create enum popularity [unknown, known, popular]");
    assertThat(order).containsSubsequence("create table countries", "create table cities");
    assertThat(order).containsSubsequence("create table users", "create table posts", "create table comments");
    assertThat(order).containsSubsequence("create table chat_groups", "create table memberships");
    assertThat(plan.changes()).hasSize(9);
    assertThat(SchemaChanges.applyAll(plan.from(), plan.changes())).isEqualTo(ALL);
  }

  @Test
  void dropsChildrenBeforeParentsAndTheReverseRecreatesThem() {
    MigrationPlan plan = SchemaDiff.between(ALL, SchemaSnapshot.EMPTY, RenameResolver.refuse());
    List<String> order = plan.changes().stream().map(Change::describe).toList();
    assertThat(order).containsSubsequence("drop table comments", "drop table posts", "drop table users");
    assertThat(order).containsSubsequence("drop table memberships", "drop table chat_groups");
    assertThat(order.get(order.size() - 1)).isEqualTo("drop enum popularity");
    assertThat(DataLossLint.check(plan)).hasSize(8);
    assertThat(SchemaChanges.applyAll(plan.reverse().from(), plan.reverse().changes())).isEqualTo(ALL);
  }

  @Test
  void theSameSchemaIsAnEmptyPlan() {
    assertThat(SchemaDiff.between(ALL, ALL, RenameResolver.refuse()).isEmpty()).isTrue();
  }

  @Test
  void columnChangesAreTypedAndReversible() {
    TableSnapshot before = table("users", id(), varchar("name", 256), integer("age"), varchar("gone", 10));
    TableSnapshot after = table("users", id(), varchar("name", 100).withNullable(false),
        integer("age").withDefault(ColumnDefault.number("0")).withType(ColumnType.of(SqlKind.BIGINT)),
        varchar("added", 5)).withIndexes(List.of(new IndexSnapshot("users_age_index", List.of("age"), false, "age > 0")));
    MigrationPlan plan = SchemaDiff.between(schema(before), schema(after), RenameResolver.allNew());
    assertThat(plan.changes()).containsExactly(
        new AlterColumnType("users", "name", new ColumnType(SqlKind.VARCHAR, 256, 0, 0, null),
            new ColumnType(SqlKind.VARCHAR, 100, 0, 0, null)),
        new AlterNullability("users", "name", false),
        new AlterColumnType("users", "age", ColumnType.of(SqlKind.INTEGER), ColumnType.of(SqlKind.BIGINT)),
        new AlterDefault("users", "age", null, ColumnDefault.number("0")),
        new AddColumn("users", varchar("added", 5)),
        new DropColumn("users", varchar("gone", 10)),
        new AddIndex("users", new IndexSnapshot("users_age_index", List.of("age"), false, "age > 0")));
    assertThat(DataLossLint.check(plan)).extracting(DataLossLint.Finding::reason).containsExactly(
        "changing users.name from VARCHAR(256) to VARCHAR(100) narrows it: values may be cut or refused",
        "setting NOT NULL on users.name fails while a row holds null",
        "dropping column users.gone deletes its values");
    assertThat(columnsByName(SchemaChanges.applyAll(plan.from(), plan.changes()))).isEqualTo(columnsByName(plan.to()));
    MigrationPlan down = plan.reverse();
    assertThat(columnsByName(SchemaChanges.applyAll(down.from(), down.changes()))).isEqualTo(columnsByName(schema(before)));
    assertThatThrownBy(() -> DataLossLint.require(plan, false)).isInstanceOf(DataLossException.class)
        .hasMessageContaining("dropping column users.gone deletes its values");
    DataLossLint.require(plan, true);
  }

  @Test
  void anAmbiguousDropAndCreateIsAQuestionNeverAGuess() {
    SchemaSnapshot before = schema(table("people", id(), varchar("full_name", 256), varchar("phone", 20)));
    SchemaSnapshot after = schema(table("users", id(), varchar("name", 256), varchar("phone", 20)));
    assertThatThrownBy(() -> SchemaDiff.between(before, after, RenameResolver.refuse()))
        .isInstanceOfSatisfying(RenameQuestionsException.class, e -> assertThat(e.questions())
            .containsExactly(new RenameQuestion(null, "users", List.of("people"))))
        .hasMessageContaining("table users: renamed from one of [people], or new?");

    // the table answered, the column question comes up, and all open questions are listed at once
    assertThatThrownBy(() -> SchemaDiff.between(before, after, RenameResolver.flags(List.of("people:users"))))
        .isInstanceOfSatisfying(RenameQuestionsException.class, e -> assertThat(e.questions())
            .containsExactly(new RenameQuestion("users", "name", List.of("full_name"))))
        .hasMessageContaining("column users.name: renamed from one of [full_name], or new?");

    MigrationPlan plan = SchemaDiff.between(before, after,
        RenameResolver.flags(List.of("people:users", "users.full_name:name")));
    assertThat(plan.changes()).containsExactly(new RenameTable("people", "users"),
        new RenameColumn("users", "full_name", "name"));
    assertThat(DataLossLint.check(plan)).isEmpty();
    assertThat(plan.reverse().changes()).containsExactly(new RenameColumn("users", "name", "full_name"),
        new RenameTable("users", "people"));

    MigrationPlan asNew = SchemaDiff.between(before, after, RenameResolver.allNew());
    assertThat(asNew.changes()).containsExactly(new DropTable(before.tables().get(0)), new CreateTable(after.tables().get(0)));
  }

  @Test
  void aFlagNamingNoCandidateIsRefused() {
    SchemaSnapshot before = schema(table("people", id()));
    SchemaSnapshot after = schema(table("users", id()));
    assertThatThrownBy(() -> SchemaDiff.between(before, after, RenameResolver.flags(List.of("persons:users"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("persons, which is not one of [people]");
    assertThatThrownBy(() -> RenameResolver.flags(List.of("users.a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table.old:new or old:new");
  }

  @Test
  void enumValuesAreAddedEarlyAndRemovedLate() {
    SchemaSnapshot before = SchemaSnapshot.of(List.of(new EnumSnapshot("mood", List.of("sad", "ok"))), List.of());
    SchemaSnapshot after = SchemaSnapshot.of(List.of(new EnumSnapshot("mood", List.of("ok", "happy"))), List.of());
    MigrationPlan plan = SchemaDiff.between(before, after, RenameResolver.allNew());
    assertThat(plan.changes()).containsExactly(
        new AddEnumValue(new EnumSnapshot("mood", List.of("ok", "happy")), "happy"),
        new DropEnumValue(new EnumSnapshot("mood", List.of("sad", "ok")), "sad"));
    assertThat(SchemaChanges.applyAll(before, plan.changes())).isEqualTo(after);
  }

  @Test
  void aLabelGoneWhileAnotherCameIsARenameQuestionAnsweredByAnEnumFlag() {
    SchemaSnapshot before = SchemaSnapshot.of(List.of(new EnumSnapshot("mood", List.of("sad", "ok"))), List.of());
    SchemaSnapshot after = SchemaSnapshot.of(List.of(new EnumSnapshot("mood", List.of("glum", "ok"))), List.of());
    assertThatThrownBy(() -> SchemaDiff.between(before, after, RenameResolver.refuse()))
        .isInstanceOfSatisfying(RenameQuestionsException.class, e -> assertThat(e.questions())
            .containsExactly(RenameQuestion.enumValue("mood", "glum", List.of("sad"))))
        .hasMessageContaining("value 'glum' of enum mood: renamed from one of [sad], or new?"
            + " (answer with --rename enum.mood.<old>:glum)");

    MigrationPlan plan = SchemaDiff.between(before, after, RenameResolver.flags(List.of("enum.mood.sad:glum")));
    assertThat(plan.changes()).containsExactly(
        new Change.RenameEnumValue(new EnumSnapshot("mood", List.of("glum", "ok")), "sad", "glum"));
    assertThat(plan.reverse().changes()).containsExactly(
        new Change.RenameEnumValue(new EnumSnapshot("mood", List.of("sad", "ok")), "glum", "sad"));
    assertThat(SchemaChanges.applyAll(before, plan.changes())).isEqualTo(after);
    assertThatThrownBy(() -> RenameResolver.flags(List.of("enum.mood:glum")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enum.type.old:new");
  }

  @Test
  void theSeedSchemaFromNothingCreatesUsersBeforeAuthOtp() {
    MigrationPlan plan = SchemaDiff.between(SchemaSnapshot.EMPTY,
        CodeSnapshots.of(SeedSchema.USERS, SeedSchema.AUTH_OTP), RenameResolver.refuse());
    assertThat(plan.changes()).extracting(Change::describe).containsExactly("create table users", "create table auth_otp");
  }
}
