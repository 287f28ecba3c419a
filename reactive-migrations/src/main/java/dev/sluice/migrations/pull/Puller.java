package dev.sluice.migrations.pull;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code pull}: reads a live database's schema (introspection) and writes it as schema code, one
 * table class and row record per table, one Java enum per enum type and a holder class
 * ({@code Tables}) with the {@code public static final} instances. The code's snapshot of the
 * generated package is the introspected one wherever schema code can say it; what it cannot (a
 * composite foreign key, a unique constraint over two columns) is written as near as it can be and
 * listed in {@link PullReport#warnings()} and in the class's javadoc.
 *
 * <pre>{@code
 * Mono<PullReport> r = Puller.builder(db).packageName("com.acme.schema").into(Path.of("src/main/java")).build().pull();
 * // src/main/java/com/acme/schema/Tables.java, Users.java, User.java, ...
 * }</pre>
 *
 * The history table ({@code sluice_migrations}) is left out. Existing files are overwritten.
 */
public final class Puller {
  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private final Database db;
  private final String packageName;
  private final String holder;
  private final Path sourceRoot;
  private final Set<String> excluded;

  private Puller(Builder b) {
    this.db = b.db;
    this.packageName = b.packageName;
    this.holder = b.holder;
    this.sourceRoot = b.sourceRoot;
    this.excluded = Set.copyOf(b.excluded);
  }

  /** A builder for a pull from {@code db}. */
  public static Builder builder(Database db) {
    return new Builder(db);
  }

  /** Introspects the database and generates (and, with {@link Builder#into}, writes) the sources. */
  public Mono<PullReport> pull() {
    return Introspector.forDialect(db.dialect().name()).snapshot(db, excluded)
        .flatMap(live -> Mono.fromCallable(() -> write(live)).subscribeOn(Schedulers.boundedElastic()));
  }

  /** The sources for a snapshot, without a database (for tests and tools). */
  public static PullReport sources(SchemaSnapshot schema, String packageName, String holder) {
    JavaSchemaWriter.Result r = JavaSchemaWriter.write(schema, packageName, holder);
    return new PullReport(schema.tables().stream().map(TableSnapshot::name).toList(), r.sources(), List.of(), r.warnings());
  }

  private PullReport write(SchemaSnapshot live) {
    if (live.tables().isEmpty()) {
      throw new MigrationException("The database has no tables to pull" + (excluded.isEmpty() ? "" : " (besides " + excluded + ")"));
    }
    PullReport r = sources(live, packageName, holder);
    if (sourceRoot == null) {
      return r;
    }
    List<Path> written = new ArrayList<>();
    try {
      for (JavaSource s : r.sources()) {
        Path file = sourceRoot.resolve(s.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.text(), StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the pulled sources under " + sourceRoot, e);
    }
    return new PullReport(r.tables(), r.sources(), written, r.warnings());
  }

  /** Options of a {@link Puller}. */
  public static final class Builder {
    private final Database db;
    private String packageName = "schema";
    private String holder = "Tables";
    private Path sourceRoot;
    private final Set<String> excluded = new LinkedHashSet<>(Set.of("sluice_migrations"));

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
    }

    /** The package of the generated classes ({@code schema} by default). */
    public Builder packageName(String name) {
      if (!PACKAGE.matcher(name).matches()) {
        throw new IllegalArgumentException("Not a Java package name: " + name);
      }
      this.packageName = name;
      return this;
    }

    /** The holder class's simple name ({@code Tables} by default). */
    public Builder holderClass(String simpleName) {
      if (!PACKAGE.matcher(simpleName).matches() || simpleName.contains(".")) {
        throw new IllegalArgumentException("Not a Java class name: " + simpleName);
      }
      this.holder = simpleName;
      return this;
    }

    /** Write the sources under this source root ({@code src/main/java}); without it nothing is written. */
    public Builder into(Path root) { this.sourceRoot = Objects.requireNonNull(root); return this; }

    /** A table to leave out (besides the history table). */
    public Builder exclude(String table) { this.excluded.add(Objects.requireNonNull(table)); return this; }

    public Puller build() { return new Puller(this); }
  }
}
