package dev.sluice.migrations.it;

import static dev.sluice.migrations.fixtures.EnumLabels.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.Database;
import dev.sluice.migrations.EnumValueInUseException;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.push.PushReport;
import dev.sluice.migrations.push.Pusher;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Enum labels added, renamed and removed on a live database where an enum is a check (SQLite,
 * H2), through {@code push} and through generated migrations, with rows in both tables that use
 * the enum ({@code people}, indexed on it, and {@code visits}, which references {@code people}):
 * the rows' exact values before and after, the labels the database then accepts and refuses, and
 * a removal refused while rows hold the label, with nothing changed.
 */
abstract class EnumLabelsContract {
  private static final Duration T = Duration.ofSeconds(60);
  private LiveTarget target;
  private Database db;

  /** A fresh, empty database for each test. */
  protected abstract LiveTarget target(String purpose);

  @BeforeEach
  void open(TestInfo info) {
    target = target("enum" + info.getTestMethod().orElseThrow().getName().substring(0, 6).toLowerCase(java.util.Locale.ROOT));
    db = target.open();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close().block(T);
    }
  }

  /** The database under test. */
  protected Database db() {
    return db;
  }

  protected PushReport push(SchemaSnapshot code, UnaryOperator<Pusher.Builder> options) {
    return options.apply(Pusher.builder(db)).build().push(code).block(T);
  }

  /** Ada (happy), Bob (sad), Cy (no mood), and a visit of Ada's (happy) and one of Bob's (sad). */
  protected void rows(String adaMood) {
    db.sql("INSERT INTO people (name, mood) VALUES ({0}, {1}), ({2}, {3}), ({4}, NULL)", "Ada", adaMood, "Bob", "sad", "Cy")
        .fetch().then().block(T);
    db.sql("INSERT INTO visits (person_id, mood) VALUES (1, {0}), (2, {1})", adaMood, "sad").fetch().then().block(T);
  }

  protected List<String> people() {
    return db.sql("SELECT id, name, mood FROM people ORDER BY id").fetch()
        .map(r -> r.get("id", Integer.class) + "/" + r.get("name", String.class) + "/" + r.get("mood", String.class))
        .collectList().block(T);
  }

  private List<String> visits() {
    return db.sql("SELECT id, person_id, mood FROM visits ORDER BY id").fetch()
        .map(r -> r.get("id", Integer.class) + "/" + r.get("person_id", Integer.class) + "/" + r.get("mood", String.class))
        .collectList().block(T);
  }

  /** The labels the database holds for {@code table.mood}, as introspection reads them back. */
  protected List<String> labels(String table) {
    SchemaSnapshot live = Introspector.forDialect(target.dialect()).snapshot(db, Set.of()).block(T);
    return live.enumType(table + "_mood").map(EnumSnapshot::values).orElseThrow();
  }

  private Throwable insertPerson(String name, String mood) {
    return catchThrowable(() -> db.sql("INSERT INTO people (name, mood) VALUES ({0}, {1})", name, mood).fetch().then().block(T));
  }

  @Test
  void addingALabelKeepsTheRowsAndTheNewLabelIsAccepted() {
    push(version("sad", "happy"), b -> b);
    rows("happy");

    PushReport r = push(version("sad", "happy", "calm"), b -> b);

    assertThat(r.applied()).isTrue();
    assertThat(people()).containsExactly("1/Ada/happy", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/happy", "2/2/sad");
    assertThat(labels("people")).containsExactly("sad", "happy", "calm");
    assertThat(labels("visits")).containsExactly("sad", "happy", "calm");
    assertThat(insertPerson("Di", "calm")).isNull();
    assertThat(insertPerson("Ed", "angry")).isNotNull();
    assertThat(push(version("sad", "happy", "calm"), b -> b).upToDate()).isTrue();
  }

  @Test
  void renamingALabelRewritesTheStoredValues() {
    push(version("sad", "happy"), b -> b);
    rows("happy");

    PushReport r = push(version("sad", "glad"), b -> b.renames(RenameResolver.flags(List.of("enum.mood.happy:glad"))));

    assertThat(r.applied()).isTrue();
    assertThat(r.plan().changes()).extracting(c -> c.describe()).containsExactly("rename value 'happy' of enum mood to 'glad'");
    assertThat(people()).containsExactly("1/Ada/glad", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/glad", "2/2/sad");
    assertThat(labels("people")).containsExactly("sad", "glad");
    assertThat(insertPerson("Di", "happy")).as("the old label is gone").isNotNull();
    assertThat(insertPerson("Di", "glad")).isNull();
    assertThat(push(version("sad", "glad"), b -> b).upToDate()).isTrue();
  }

  @Test
  void removingALabelNoRowHoldsKeepsTheRows() {
    push(version("sad", "happy", "calm"), b -> b);
    rows("happy");

    PushReport r = push(version("sad", "happy"), Pusher.Builder::allowDataLoss);

    assertThat(r.applied()).isTrue();
    assertThat(people()).containsExactly("1/Ada/happy", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/happy", "2/2/sad");
    assertThat(labels("people")).containsExactly("sad", "happy");
    assertThat(insertPerson("Di", "calm")).isNotNull();
  }

  @Test
  void removingALabelRowsHoldIsRefusedNamingThemAndNothingChanges() {
    push(version("sad", "happy", "calm"), b -> b);
    rows("calm");

    Throwable e = catchThrowable(() -> push(version("sad", "happy"), Pusher.Builder::allowDataLoss));

    assertThat(e).isInstanceOfSatisfying(EnumValueInUseException.class, x -> {
      assertThat(x.table()).isEqualTo("people");
      assertThat(x.column()).isEqualTo("mood");
      assertThat(x.label()).isEqualTo("calm");
      assertThat(x.rows()).isEqualTo(1);
    }).hasMessage("Cannot remove enum value 'calm': 1 row(s) of people.mood hold it; update or delete them first"
        + " (nothing was changed)");
    assertThat(people()).containsExactly("1/Ada/calm", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/calm", "2/2/sad");
    assertThat(labels("people")).containsExactly("sad", "happy", "calm");
    assertThat(labels("visits")).containsExactly("sad", "happy", "calm");
  }

  @Test
  void generatedMigrationsRenameALabelAndTheirDownRenamesItBack() throws Exception {
    Path dir = Files.createTempDirectory("enum-migrations");
    Migrator first = migrator(dir, "2026-01-01T00:00:00Z");
    first.generate("init", version("sad", "happy"), RenameResolver.refuse(), false).block(T);
    first.migrate().block(T);
    rows("happy");

    Migrator second = migrator(dir, "2026-01-02T00:00:00Z");
    second.generate("glad", version("sad", "glad"), RenameResolver.flags(List.of("enum.mood.happy:glad")), false).block(T);
    assertThat(second.migrate().block(T).applied()).hasSize(1);
    assertThat(people()).containsExactly("1/Ada/glad", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/glad", "2/2/sad");

    second.rollback(1).block(T);
    assertThat(people()).containsExactly("1/Ada/happy", "2/Bob/sad", "3/Cy/null");
    assertThat(visits()).containsExactly("1/1/happy", "2/2/sad");
    assertThat(labels("people")).containsExactly("sad", "happy");
  }

  @Test
  void aGeneratedMigrationRemovingALabelRowsHoldIsRefusedAndStaysPending() throws Exception {
    Path dir = Files.createTempDirectory("enum-migrations");
    Migrator first = migrator(dir, "2026-01-01T00:00:00Z");
    first.generate("init", version("sad", "happy", "calm"), RenameResolver.refuse(), false).block(T);
    first.migrate().block(T);
    rows("calm");
    Migrator second = migrator(dir, "2026-01-02T00:00:00Z");
    second.generate("no_calm", version("sad", "happy"), RenameResolver.refuse(), true).block(T);

    Throwable e = catchThrowable(() -> second.migrate().block(T));

    assertThat(e).isInstanceOfSatisfying(EnumValueInUseException.class, x -> assertThat(x.rows()).isEqualTo(1))
        .hasMessageContaining("people.mood");
    assertThat(second.status().block(T).pending()).singleElement().asString().endsWith("_no_calm");
    assertThat(people()).containsExactly("1/Ada/calm", "2/Bob/sad", "3/Cy/null");
    assertThat(labels("people")).containsExactly("sad", "happy", "calm");

    db.sql("UPDATE people SET mood = {0} WHERE mood = {1}", "happy", "calm").fetch().then().block(T);
    db.sql("UPDATE visits SET mood = {0} WHERE mood = {1}", "happy", "calm").fetch().then().block(T);
    assertThat(second.migrate().block(T).applied()).hasSize(1);
    assertThat(people()).containsExactly("1/Ada/happy", "2/Bob/sad", "3/Cy/null");
    assertThat(labels("people")).containsExactly("sad", "happy");
  }

  private Migrator migrator(Path dir, String now) {
    return Migrator.builder(db).directory(dir).clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).build();
  }
}
