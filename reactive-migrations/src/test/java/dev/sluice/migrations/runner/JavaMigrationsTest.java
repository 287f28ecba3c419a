package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.fixtures.javabad.RenamedMigration;
import dev.sluice.migrations.fixtures.javabad.V20260103000000_breaks;
import dev.sluice.migrations.fixtures.javamig.V20260102000000_upper_names;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** Java migrations' names and checksums, and the catalogue that merges them with directories and repeatables. */
class JavaMigrationsTest {
  @TempDir Path dir;

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Badly named: not V + 14 digits + _name. */
  static final class BackfillNames implements JavaMigration {
    @Override public Mono<Void> up(Database db) { return Mono.empty(); }

    @Override public Mono<Void> down(Database db) { return Mono.empty(); }
  }

  private void write(String name) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("up.sql"), "CREATE TABLE x (id INT);\n");
  }

  @Test
  void aClassNamedVStampNameIsThatMigrationAndItsChecksumIsClassAndVersion() throws Exception {
    V20260102000000_upper_names m = new V20260102000000_upper_names();
    assertThat(m.name()).isEqualTo("20260102000000_upper_names");
    assertThat(JavaMigrations.checksum(m)).isEqualTo(sha256("java:" + m.getClass().getName() + ":1"));
    RenamedMigration r = new RenamedMigration();
    assertThat(new Step.Java(r).name()).isEqualTo("20260104000000_renamed");
    assertThat(new Step.Java(r).checksum()).isEqualTo(sha256("java:" + r.getClass().getName() + ":2"));
  }

  @Test
  void anyOtherClassNameMustOverrideName() {
    assertThatThrownBy(() -> new BackfillNames().name()).isInstanceOf(MigrationException.class)
        .hasMessageContaining(BackfillNames.class.getName())
        .hasMessageContaining("is not named V<yyyyMMddHHmmss>_<lower-case name>");
  }

  @Test
  void theCatalogueOrdersJavaAndSqlMigrationsByNameAndFindsJavaOnesInAPackage() throws Exception {
    write("20260101000000_init");
    write("20260103000000_later");
    new SumFile(dir).write();
    Catalogue c = Catalogue.load(new MigrationDirectory(dir), new SumFile(dir), List.of(new V20260103000000_breaks()),
        List.of("dev.sluice.migrations.fixtures.javamig"), getClass().getClassLoader());
    assertThat(c.steps()).extracting(Step::name).containsExactly("20260101000000_init", "20260102000000_upper_names",
        "20260103000000_breaks", "20260103000000_later");
    assertThat(c.steps().get(1)).isInstanceOf(Step.Java.class);
    assertThat(c.files()).hasSize(2);
  }

  @Test
  void twoMigrationsWithOneNameAreRefused() throws Exception {
    write("20260102000000_upper_names");
    new SumFile(dir).write();
    assertThatThrownBy(() -> Catalogue.load(new MigrationDirectory(dir), new SumFile(dir),
        List.of(new V20260102000000_upper_names()), List.of(), getClass().getClassLoader()))
        .isInstanceOf(MigrationException.class).hasMessageContaining("Two migrations are named 20260102000000_upper_names")
        .hasMessageContaining("Java class " + V20260102000000_upper_names.class.getName());
  }

  @Test
  void aPackageWithoutJavaMigrationsIsAnError() {
    assertThatThrownBy(() -> JavaMigrations.find("dev.sluice.migrations.fixtures.seeders", getClass().getClassLoader()))
        .isInstanceOfSatisfying(MigrationClassException.class,
            e -> assertThat(e.className()).isEqualTo("dev.sluice.migrations.fixtures.seeders"))
        .hasMessage("No Java migration found: dev.sluice.migrations.fixtures.seeders is neither a JavaMigration class"
            + " nor a package holding one on the class path");
  }

  @Test
  void oneClassCanBeNamedInsteadOfAPackage() {
    assertThat(JavaMigrations.find(V20260102000000_upper_names.class.getName(), getClass().getClassLoader()))
        .singleElement().isInstanceOf(V20260102000000_upper_names.class);
  }

  @Test
  void aNamedClassThatIsNoJavaMigrationOrCannotBeMadeIsATypedError() {
    assertThatThrownBy(() -> JavaMigrations.find(String.class.getName(), getClass().getClassLoader()))
        .isInstanceOf(MigrationClassException.class)
        .hasMessage("Class java.lang.String is not a Java migration: it must be a concrete class implementing "
            + JavaMigration.class.getName());
    assertThatThrownBy(() -> JavaMigrations.find(NoDefaultConstructor.class.getName(), getClass().getClassLoader()))
        .isInstanceOf(MigrationClassException.class)
        .hasMessage("Cannot create Java migration " + NoDefaultConstructor.class.getName()
            + ": it needs a public constructor without arguments");
  }

  /** A Java migration without a no-argument constructor. */
  public static final class NoDefaultConstructor implements JavaMigration {
    public NoDefaultConstructor(int x) { }

    @Override public Mono<Void> up(Database db) { return Mono.empty(); }

    @Override public Mono<Void> down(Database db) { return Mono.empty(); }
  }

  @Test
  void repeatablesLiveInTheirFolderOutsideSluiceSum() throws Exception {
    write("20260101000000_init");
    Path rep = Files.createDirectories(dir.resolve("repeatable"));
    Files.writeString(rep.resolve("views.sql"), "CREATE VIEW v AS SELECT 1;\n");
    Files.writeString(rep.resolve("views.down.sql"), "DROP VIEW v;\n");
    Files.writeString(rep.resolve("grants.sql"), "SELECT 1;\n");
    new SumFile(dir).write();
    assertThat(Files.readString(dir.resolve("sluice.sum"))).doesNotContain("repeatable");
    Catalogue c = Catalogue.load(new MigrationDirectory(dir), new SumFile(dir), List.of(), List.of(), getClass().getClassLoader());
    assertThat(c.steps()).extracting(Step::name).containsExactly("20260101000000_init");
    assertThat(c.repeatables()).extracting(Repeatable::name).containsExactly("repeatable/grants", "repeatable/views");
    assertThat(c.repeatables().get(1).down()).isEqualTo("DROP VIEW v;\n");
    assertThat(c.repeatables().get(0).down()).isNull();
    // edited repeatables do not trip the integrity check
    Files.writeString(rep.resolve("views.sql"), "CREATE VIEW v AS SELECT 2;\n");
    assertThat(new SumFile(dir).differences()).isEmpty();
    assertThat(Repeatable.isRepeatable("repeatable/views")).isTrue();
    assertThat(Repeatable.isRepeatable("20260101000000_init")).isFalse();
  }
}
