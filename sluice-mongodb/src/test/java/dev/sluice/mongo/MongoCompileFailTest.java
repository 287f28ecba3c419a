package dev.sluice.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.mongo.testing.Fixtures;
import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB vocabulary is typed by the field: these snippets must not compile, and the control
 * must. Each case checks the one error expected (javac's key, the types named, the snippet's line),
 * so a snippet failing for another reason (a typo) fails the test.
 */
class MongoCompileFailTest {
  record Error(String code, String message, long line) {}

  private static final long BODY_LINE = 8;

  private static final String HEADER = """
      import static dev.sluice.mongo.MongoDsl.*;
      import static dev.sluice.mongo.testing.Fixtures.*;
      import dev.sluice.mongo.*;
      import java.util.List;
      class Snippet {
        void run(MongoStore store) {
          TypedCollection<User> users = store.collection(USERS);
      """;

  private static String classPath() {
    return Stream.of(MongoStore.class, Fixtures.class, reactor.core.publisher.Flux.class,
            org.reactivestreams.Publisher.class, org.bson.BsonDocument.class, dev.sluice.error.SluiceException.class,
            com.mongodb.reactivestreams.client.MongoClient.class, com.mongodb.MongoClientSettings.class)
        .map(c -> {
          try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
          } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static List<Error> compile(String body) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
      @Override public CharSequence getCharContent(boolean ignore) { return HEADER + body + "\n  }\n}\n"; }
    };
    Path out = Path.of("target", "compile-fail");
    out.toFile().mkdirs();
    boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
        List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none"), null, List.of(source)).call();
    List<Error> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> new Error(d.getCode(), d.getMessage(Locale.ENGLISH), d.getLineNumber())).toList();
    assertThat(ok).as("compiled iff no errors").isEqualTo(errors.isEmpty());
    return errors;
  }

  private static void assertOnly(List<Error> errors, String code, String... parts) {
    assertThat(errors).as("errors").hasSize(1);
    Error e = errors.get(0);
    assertThat(e.code()).as(e.message()).isEqualTo(code);
    assertThat(e.line()).as("line of " + e.message()).isEqualTo(BODY_LINE);
    assertThat(e.message()).contains(parts);
  }

  @Test
  void theControlSnippetCompiles() {
    assertThat(compile("""
        users.find(and(eq(USERS.age, 30), like(USERS.name, "D%"), contains(USERS.tags, "vip"))).fetch();
        users.update(eq(USERS.name, "Dan")).set(USERS.age, 31).inc(USERS.age, 1).push(USERS.tags, "x").one();
        """)).isEmpty();
  }

  @Test
  void comparingAnIntegerFieldWithAStringDoesNotCompile() {
    assertOnly(compile("users.find(eq(USERS.age, \"x\"));"), "compiler.err.cant.apply.symbol",
        "method eq in class dev.sluice.mongo.MongoDsl", "java.lang.String", "java.lang.Integer");
  }

  @Test
  void likeOnANonStringFieldDoesNotCompile() {
    assertOnly(compile("users.find(like(USERS.age, \"1%\"));"), "compiler.err.prob.found.req",
        "dev.sluice.mongo.Field<java.lang.Integer> cannot be converted to dev.sluice.mongo.Field<java.lang.String>");
  }

  @Test
  void settingAnIntegerFieldToAStringDoesNotCompile() {
    assertOnly(compile("users.update(eq(USERS.name, \"Dan\")).set(USERS.age, \"old\");"),
        "compiler.err.cant.apply.symbol", "method set in class dev.sluice.mongo.Update<R>", "java.lang.String");
  }

  @Test
  void incrementingAStringFieldDoesNotCompile() {
    assertOnly(compile("users.update(eq(USERS.name, \"Dan\")).inc(USERS.name, 1);"),
        "compiler.err.cant.apply.symbol", "method inc in class dev.sluice.mongo.Update<R>");
  }

  @Test
  void pushingAnIntegerOntoAStringArrayDoesNotCompile() {
    assertOnly(compile("users.update(eq(USERS.name, \"Dan\")).push(USERS.tags, 1);"),
        "compiler.err.cant.apply.symbol", "method push in class dev.sluice.mongo.Update<R>");
  }

  @Test
  void aTypoFailsDifferentlyThanATypeMismatch() {
    List<Error> errors = compile("users.find(eq(USERS.agee, 1));");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo("compiler.err.cant.resolve.location");
  }
}
