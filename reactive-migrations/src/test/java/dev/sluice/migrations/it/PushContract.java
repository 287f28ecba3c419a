package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.diff.DataLossException;
import dev.sluice.migrations.diff.RenameQuestionsException;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.fixtures.Evolution;
import dev.sluice.migrations.fixtures.RoundTripSchema;
import dev.sluice.migrations.push.PartialPushException;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.push.PushReport;
import dev.sluice.migrations.push.Pusher;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.testing.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code push} on a live database: the code applied without migration files, a second push with
 * nothing to do, a dry run that changes nothing, rename answers that keep the data, and the
 * data-loss lint.
 */
abstract class PushContract {
  private static final Duration T = Duration.ofSeconds(60);
  private LiveTarget target;
  private Database db;

  /** A fresh, empty database for each test. */
  protected abstract LiveTarget target(String purpose);

  @BeforeEach
  void open(TestInfo info) {
    target = target("push" + info.getTestMethod().orElseThrow().getName().substring(0, 6).toLowerCase(java.util.Locale.ROOT));
    db = target.open();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close().block(T);
    }
  }

  private SchemaSnapshot live() {
    return Introspector.forDialect(target.dialect()).snapshot(db, Set.of()).block(T);
  }

  private PushReport push(SchemaSnapshot code, java.util.function.UnaryOperator<Pusher.Builder> options) {
    return options.apply(Pusher.builder(db)).build().push(code).block(T);
  }

  private static SchemaSnapshot seed() {
    return CodeSnapshots.ofPackage("dev.sluice.migrations.fixtures.seed");
  }

  private static SchemaSnapshot seedV2() {
    return CodeSnapshots.ofPackage("dev.sluice.migrations.fixtures.seedv2");
  }

  private List<String> userNames(String column) {
    return db.sql("SELECT " + column + " AS v FROM users ORDER BY id").fetch().map(r -> String.valueOf(r.get("v", String.class)))
        .collectList().block(T);
  }

  @Test
  void pushAppliesTheCodeAndASecondPushHasNothingToDo() {
    SchemaSnapshot code = CodeSnapshots.of(RoundTripSchema.TEAMS, RoundTripSchema.MEMBERS, RoundTripSchema.SEATS,
        Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS, Schema.MEMBERSHIPS, Schema.KITCHENS,
        Schema.POSTS, Schema.COMMENTS);
    PushReport first = push(code, b -> b);
    assertThat(first.applied()).isTrue();
    assertThat(first.plan().changes()).hasSizeGreaterThanOrEqualTo(11);
    assertThat(String.join("\n", first.statements())).containsIgnoringCase("CREATE TABLE");
    assertThat(SnapshotJson.write(Normalized.of(live(), target.dialect())))
        .isEqualTo(SnapshotJson.write(Normalized.of(code, target.dialect())));

    PushReport second = push(code, b -> b);
    assertThat(second.plan().changes()).as("a second push of the same code: %s", second.plan().changes()).isEmpty();
    assertThat(second.statements()).isEmpty();
    assertThat(second.applied()).isFalse();
    assertThat(second.upToDate()).isTrue();
  }

  @Test
  void aDryRunReturnsTheSqlAndChangesNothing() {
    PushReport r = push(seed(), Pusher.Builder::dryRun);
    assertThat(r.applied()).isFalse();
    assertThat(r.plan().changes()).hasSize(2); // two tables, with their foreign key and index
    assertThat(String.join("\n", r.statements())).containsIgnoringCase("CREATE TABLE").contains("auth_otp")
        .contains("users_full_name_index");
    assertThat(live().tables()).isEmpty();
  }

  @Test
  void aRenameAnsweredByFlagKeepsTheDataAndAnOpenQuestionChangesNothing() {
    push(seed(), b -> b);
    db.sql("INSERT INTO users (full_name) VALUES ({0})", "Ada Lovelace").fetch().then().block(T);

    assertThatThrownBy(() -> push(seedV2(), b -> b))
        .isInstanceOf(RenameQuestionsException.class)
        .hasMessageContaining("column users.name: renamed from one of [full_name], or new?");
    assertThat(live().table("users").orElseThrow().column("full_name")).isPresent();

    PushReport r = push(seedV2(), b -> b.renames(RenameResolver.flags(List.of("users.full_name:name"))));
    assertThat(r.applied()).isTrue();
    assertThat(r.findings()).isEmpty();
    TableSnapshot users = live().table("users").orElseThrow();
    assertThat(users.column("name")).isPresent();
    assertThat(users.column("full_name")).isEmpty();
    assertThat(users.indexes()).isEmpty();
    assertThat(userNames("name")).containsExactly("Ada Lovelace");
    assertThat(push(seedV2(), b -> b).upToDate()).isTrue();
  }

  @Test
  void droppingAColumnNeedsAllowDataLossAndNothingRunsWithoutIt() {
    push(seed(), b -> b);
    db.sql("INSERT INTO users (full_name) VALUES ({0})", "Grace Hopper").fetch().then().block(T);
    RenameResolver allNew = q -> RenameResolver.Answer.NEW;

    assertThatThrownBy(() -> push(seedV2(), b -> b.renames(allNew)))
        .isInstanceOf(DataLossException.class)
        .hasMessageContaining("full_name");
    assertThat(userNames("full_name")).containsExactly("Grace Hopper");

    PushReport dry = push(seedV2(), b -> b.renames(allNew).allowDataLoss().dryRun());
    assertThat(dry.findings()).hasSize(1);
    assertThat(userNames("full_name")).containsExactly("Grace Hopper");

    PushReport r = push(seedV2(), b -> b.renames(allNew).allowDataLoss());
    assertThat(r.applied()).isTrue();
    assertThat(r.findings()).extracting(f -> f.reason()).singleElement().asString().contains("full_name");
    TableSnapshot users = live().table("users").orElseThrow();
    assertThat(users.column("full_name")).isEmpty();
    assertThat(userNames("name")).containsExactly("null");
  }

  @Test
  void everyKindOfChangeIsPushedAndTheDataOfKeptColumnsStays() {
    push(Evolution.V1, b -> b);
    db.sql("INSERT INTO teams (title) VALUES ({0})", "Blue").fetch().then().block(T);
    String mood = target.dialect().equals("postgresql") ? "CAST({1} AS mood)" : "{1}";   // a bound text is no enum there
    db.sql("INSERT INTO people (full_name, team_id, age, mood, nickname) VALUES ({0}, 1, 30, " + mood + ", {2})", "Ada", "happy", "ada")
        .fetch().then().block(T);

    PushReport r = push(Evolution.V2, b -> b.allowDataLoss()
        .renames(RenameResolver.flags(List.of("people:users", "users.full_name:name")).orElse(RenameResolver.allNew())));
    assertThat(r.applied()).isTrue();
    assertThat(r.findings()).isNotEmpty();
    assertThat(SnapshotJson.write(Normalized.of(live(), target.dialect())))
        .isEqualTo(SnapshotJson.write(Normalized.of(Evolution.V2, target.dialect())));
    assertThat(db.sql("SELECT name, age, " + (target.dialect().equals("postgresql") ? "CAST(mood AS text)" : "mood") + " AS mood FROM users").fetch()
        .map(row -> row.get("name", String.class) + "/" + row.get("age", Integer.class) + "/" + row.get("mood", String.class))
        .collectList().block(T)).containsExactly("Ada/30/happy");
    assertThat(push(Evolution.V2, b -> b).upToDate()).isTrue();
  }

  private static SchemaSnapshot gadgets(boolean v2) {
    List<ColumnSnapshot> columns = new java.util.ArrayList<>(List.of(
        new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
        new ColumnSnapshot("code", new ColumnType(SqlKind.VARCHAR, 20, 0, 0, null), true, null, false)));
    if (v2) {
      columns.add(new ColumnSnapshot("note", ColumnType.of(SqlKind.TEXT), true, null, false));
    }
    return SchemaSnapshot.of(List.of(), List.of(new TableSnapshot("gadgets", columns, List.of("id"), List.of(),
        v2 ? List.of(new UniqueSnapshot("gadgets_code_key", List.of("code"))) : List.of(), List.of(), List.of())));
  }

  @Test
  void aStatementFailingMidPushLeavesNothingWhereDdlIsTransactionalAndIsNamedElsewhere() {
    push(gadgets(false), b -> b);
    db.sql("INSERT INTO gadgets (code) VALUES ({0}), ({0})", "dup").fetch().then().block(T);

    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> push(gadgets(true), Pusher.Builder::allowDataLoss));
    assertThat(e).isNotNull();
    TableSnapshot after = live().table("gadgets").orElseThrow();
    assertThat(after.uniques()).isEmpty();
    if (db.dialect().capabilities().ddlIsTransactional()) {
      assertThat(e).isNotInstanceOf(PartialPushException.class);
      assertThat(after.column("note")).as("the column added before the failure is rolled back").isEmpty();
    } else {
      assertThat(e).isInstanceOf(PartialPushException.class).hasMessageContaining("Push failed at statement 2")
          .hasMessageContaining("gadgets_code_key");
      PartialPushException p = (PartialPushException) e;
      assertThat(p.appliedStatements()).singleElement().asString().contains("note");
      assertThat(after.column("note")).as("the column added before the failure stays").isPresent();
    }
    assertThat(db.sql("SELECT COUNT(*) AS n FROM gadgets").fetch().map(row -> row.get("n", Long.class)).blockFirst(T)).isEqualTo(2L);
  }
}
