package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.fixtures.RoundTripSchema;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.pull.JavaSource;
import dev.sluice.migrations.pull.PullReport;
import dev.sluice.migrations.pull.Puller;
import dev.sluice.migrations.push.Pusher;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.PackageScanner;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.schema.Table;
import dev.sluice.testing.Schema;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull} on a live database: a schema is created, pulled into Java sources, the sources are
 * compiled with {@code javax.tools.JavaCompiler} and loaded, and the code snapshot of the loaded
 * package must equal the introspected snapshot; then a row is read through a pulled table into its
 * pulled record.
 */
abstract class PullContract {
  private static final Duration T = Duration.ofSeconds(60);
  @TempDir Path tmp;
  private LiveTarget target;
  private Database db;

  /** A fresh, empty database for each test. */
  protected abstract LiveTarget target(String purpose);

  /**
   * The pulled code's snapshot and the introspected one, as compared: equal as they are, except
   * where this database reports a declaration in a form schema code spells otherwise (see the subclasses).
   */
  protected SchemaSnapshot compared(SchemaSnapshot s) {
    return s;
  }

  @BeforeEach
  void open(TestInfo info) {
    target = target("pull" + info.getTestMethod().orElseThrow().getName().substring(0, 6).toLowerCase(java.util.Locale.ROOT));
    db = target.open();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close().block(T);
    }
  }

  private SchemaSnapshot live() {
    return Introspector.forDialect(target.dialect()).snapshot(db, Set.of("sluice_migrations")).block(T);
  }

  @Test
  void thePulledSourcesCompileAndTheirSnapshotIsTheIntrospectedOne() throws Exception {
    Pusher.builder(db).build().push(CodeSnapshots.of(RoundTripSchema.TEAMS, RoundTripSchema.MEMBERS, RoundTripSchema.SEATS,
        Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS, Schema.MEMBERSHIPS, Schema.KITCHENS,
        Schema.POSTS, Schema.COMMENTS, SeedSchema.AUTH_OTP)).block(T);
    db.sql("INSERT INTO teams (name) VALUES ({0})", "Blue").fetch().then().block(T);

    Path src = tmp.resolve("src");
    PullReport r = Puller.builder(db).packageName("pulled.app").into(src).build().pull().block(T);
    assertThat(r.tables()).contains("teams", "members", "seats", "users", "auth_otp");
    assertThat(r.written()).hasSize(r.sources().size()).allMatch(Files::exists);
    assertThat(src.resolve("pulled/app/Tables.java")).exists();
    assertThat(src.resolve("pulled/app/Teams.java")).content().contains("public final class Teams extends Table<Team>")
        .contains("public final Column<Integer> id = serial(\"id\").primaryKey();");
    assertThat(src.resolve("pulled/app/Team.java")).content().contains("public record Team(Integer id, String name");

    ClassLoader loader = compile(src, r.sources());
    List<Table<?>> tables = PackageScanner.tables("pulled.app", loader);
    assertThat(tables).hasSize(r.tables().size());
    SchemaSnapshot pulled = CodeSnapshots.of(tables);
    assertThat(SnapshotJson.write(compared(pulled))).isEqualTo(SnapshotJson.write(compared(live())));

    @SuppressWarnings("unchecked")
    Table<Object> teams = (Table<Object>) tables.stream().filter(t -> t.name().equals("teams")).findFirst().orElseThrow();
    List<Object> rows = db.selectFrom(teams).fetch().collectList().block(T);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getClass().getName()).isEqualTo("pulled.app.Team");
    assertThat(rows.get(0).toString()).contains("name=Blue");
  }

  @Test
  void generatedColumnsArePulledAsCodeAndViewsAsATodo() throws Exception {
    Pusher.builder(db).build().push(CodeSnapshots.of(db.dialect(), dev.sluice.migrations.fixtures.ObjectsSchema.ITEMS_V1,
        dev.sluice.migrations.fixtures.ObjectsSchema.CHEAP_V1)).block(T);
    Path src = tmp.resolve("src");
    PullReport r = Puller.builder(db).packageName("pulled.objects").into(src).build().pull().block(T);
    assertThat(r.tables()).containsExactly("items");
    assertThat(src.resolve("pulled/objects/Items.java")).content().contains(".generatedAlways(");
    assertThat(src.resolve("pulled/objects/Tables.java")).content().contains("// TODO view cheap_items (id, label, total)");
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("view cheap_items:"));

    List<Table<?>> tables = PackageScanner.tables("pulled.objects", compile(src, r.sources()));
    SchemaSnapshot pulled = CodeSnapshots.of(tables);
    assertThat(pulled.table("items").orElseThrow().column("total").orElseThrow().generated()).isNotNull();
    assertThat(SnapshotJson.write(compared(pulled))).isEqualTo(SnapshotJson.write(compared(live().withViews(List.of()))));
  }

  private static ClassLoader compile(Path src, List<JavaSource> sources) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(src.resolveSibling("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        "-Xlint:all,-path", "-Werror", "-proc:none"));
    sources.forEach(s -> args.add(src.resolve(s.path()).toString()));
    StringWriter diagnostics = new StringWriter();
    int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
      @Override public void write(int b) { diagnostics.write(b); }
    }, true), args.toArray(String[]::new));
    assertThat(code).as("javac: %s", diagnostics).isZero();
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PullContract.class.getClassLoader());
  }
}
