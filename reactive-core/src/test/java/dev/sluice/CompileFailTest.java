package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Type safety is part of the API: these snippets must not compile, and the control must. */
class CompileFailTest {
  private static final String HEADER = """
      import static dev.sluice.query.Dsl.*;
      import static dev.sluice.testing.Schema.*;
      import dev.sluice.Database;
      import dev.sluice.testing.*;
      class Snippet {
        record CityName(Integer id, String name) {}
        record Swapped(String name, Integer id) {}
        void run(Database db) {
      """;

  private static String classPath() {
    return Stream.of(Database.class, dev.sluice.testing.Schema.class, reactor.core.publisher.Flux.class,
            org.reactivestreams.Publisher.class, io.r2dbc.spi.ConnectionFactory.class)
        .map(c -> {
          try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static List<String> compile(String body) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override public CharSequence getCharContent(boolean ignore) {
        return HEADER + body + "\n  }\n}\n";
      }
    };
    Path out = Path.of("target", "compile-fail");
    out.toFile().mkdirs();
    boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
        List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none"), null,
        List.of(source)).call();
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).toList();
    assertThat(ok).as("compiled without errors iff no errors reported").isEqualTo(errors.isEmpty());
    return errors;
  }

  @Test
  void theControlSnippetCompiles() {
    assertThat(compile("""
        db.selectFrom(USERS).where(eq(USERS.id, 1)).fetch();
        db.update(USERS).set(USERS.fullName, "x").where(eq(USERS.id, 1)).execute();
        db.select(CITIES.id, CITIES.name).from(CITIES).fetch(CityName::new);
        """)).isEmpty();
  }

  @Test
  void comparingAnIntegerColumnWithAStringDoesNotCompile() {
    assertThat(compile("db.selectFrom(USERS).where(eq(USERS.id, \"x\"));")).isNotEmpty();
  }

  @Test
  void settingAStringColumnToAnIntegerDoesNotCompile() {
    assertThat(compile("db.update(USERS).set(USERS.fullName, 42);")).isNotEmpty();
  }

  @Test
  void aConstructorWithOtherParameterTypesDoesNotCompile() {
    assertThat(compile("db.select(CITIES.id, CITIES.name).from(CITIES).fetch(Swapped::new);"))
        .isNotEmpty();
  }

  @Test
  void anUpdateWithoutWhereOrAllCannotExecute() {
    assertThat(compile("db.update(USERS).set(USERS.fullName, \"x\").execute();")).isNotEmpty();
    assertThat(compile("db.deleteFrom(USERS).execute();")).isNotEmpty();
  }
}
