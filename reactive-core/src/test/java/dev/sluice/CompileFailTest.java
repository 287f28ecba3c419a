package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Type safety is part of the API: these snippets must not compile, and the control must. Each case
 * asserts the one diagnostic expected (javac's message key, the types it names, and the snippet's
 * line), so a snippet that fails for another reason, such as a typo or a missing import, fails the
 * test instead of passing it.
 */
class CompileFailTest {
  /** One compiler error: javac's message key (stable across locales), its English text, its line. */
  record Error(String code, String message, long line) {}

  /** The line of the snippet's body in the compiled source. */
  private static final long BODY_LINE = 9;

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

  static List<Error> compile(String body) {
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
    List<Error> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> new Error(d.getCode(), d.getMessage(Locale.ENGLISH), d.getLineNumber())).toList();
    assertThat(ok).as("compiled without errors iff no errors reported").isEqualTo(errors.isEmpty());
    return errors;
  }

  /** Asserts exactly one error, on the snippet's line, with {@code code} and every text part. */
  static void assertOnly(List<Error> errors, String code, String... parts) {
    assertThat(errors).as("errors").hasSize(1);
    Error e = errors.get(0);
    assertThat(e.code()).as(e.message()).isEqualTo(code);
    assertThat(e.line()).as("line of " + e.message()).isEqualTo(BODY_LINE);
    assertThat(e.message()).contains(parts);
  }

  /** A value of the wrong type for a column: javac finds no applicable overload, naming both types. */
  private static void assertTypeMismatch(List<Error> errors, String call, String columnType, String valueType) {
    assertOnly(errors, "compiler.err.cant.apply.symbols", "no suitable method found for " + call,
        "equality constraints: " + columnType, "lower bounds: " + valueType);
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
    assertTypeMismatch(compile("db.selectFrom(USERS).where(eq(USERS.id, \"x\"));"),
        "eq(dev.sluice.schema.Column<java.lang.Integer>,java.lang.String)", "java.lang.Integer",
        "java.lang.String");
  }

  @Test
  void settingAStringColumnToAnIntegerDoesNotCompile() {
    assertTypeMismatch(compile("db.update(USERS).set(USERS.fullName, 42);"),
        "set(dev.sluice.schema.Column<java.lang.String>,int)", "java.lang.String", "java.lang.Integer");
  }

  @Test
  void seekingAnIntegerOrderTermWithAStringDoesNotCompile() {
    assertTypeMismatch(compile("db.selectFrom(USERS).orderBy(USERS.id).seek(USERS.id, \"x\");"),
        "seek(dev.sluice.schema.Column<java.lang.Integer>,java.lang.String)", "java.lang.Integer",
        "java.lang.String");
  }

  @Test
  void aConstructorWithOtherParameterTypesDoesNotCompile() {
    assertOnly(compile("db.select(CITIES.id, CITIES.name).from(CITIES).fetch(Swapped::new);"),
        "compiler.err.prob.found.req", "invalid constructor reference",
        "java.lang.Integer cannot be converted to java.lang.String");
  }

  @Test
  void anUpdateWithoutWhereOrAllCannotExecute() {
    assertOnly(compile("db.update(USERS).set(USERS.fullName, \"x\").execute();"),
        "compiler.err.cant.resolve.location.args", "method execute()",
        "class dev.sluice.query.UpdateSet<dev.sluice.testing.User>");
    assertOnly(compile("db.deleteFrom(USERS).execute();"),
        "compiler.err.cant.resolve.location.args", "method execute()",
        "class dev.sluice.query.DeleteFrom<dev.sluice.testing.User>");
  }

  @Test
  void relationsLoadedWithWithCannotBeFetchedIntoTheTablesOwnRecord() {
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts).orderBy(USERS.id).fetch();"),
        "compiler.err.cant.apply.symbol", "method fetch in class dev.sluice.query.SelectWith<R>",
        "required: java.lang.Class<X>", "found:    no arguments");
    assertThat(compile("db.selectFrom(USERS).with(USERS.posts).orderBy(USERS.id).fetch(User.class);")).isEmpty();
  }

  @Test
  void theModelWritesControlSnippetCompiles() {
    assertThat(compile("""
        db.insertInto(USERS).set(USERS.fullName, "Dan").set(USERS.phone, "555").execute();
        db.insertInto(USERS).rows(java.util.List.of(dev.sluice.query.Values.of(USERS).set(USERS.fullName, "a")));
        db.update(USERS).setNonNull(new User(null, "x", null, null, null)).where(eq(USERS.id, 1));
        db.update(KITCHENS).increment(KITCHENS.medium, 1).all();
        db.save(USERS, new User(null, "x", null, null, null));
        """)).isEmpty();
  }

  @Test
  void aPartialInsertOfTheWrongTypeDoesNotCompile() {
    assertOnly(compile("db.insertInto(USERS).set(USERS.fullName, 42);"),
        "compiler.err.cant.apply.symbol", "method set in class dev.sluice.query.InsertInto<R>",
        "equality constraints: java.lang.String", "lower bounds: java.lang.Integer");
    assertOnly(compile("db.insertInto(USERS).set(USERS.fullName, \"x\").set(USERS.id, \"7\");"),
        "compiler.err.cant.apply.symbol", "method set in class dev.sluice.query.InsertSet<R>",
        "equality constraints: java.lang.Integer", "lower bounds: java.lang.String");
    assertOnly(compile("dev.sluice.query.Values.of(USERS).set(USERS.phone, 555);"),
        "compiler.err.cant.apply.symbol", "method set in class dev.sluice.query.Values<R>",
        "equality constraints: java.lang.String", "lower bounds: java.lang.Integer");
  }

  @Test
  void partialRowsOrRecordsOfAnotherTableDoNotCompile() {
    assertOnly(compile("db.insertInto(USERS).rows(java.util.List.of(dev.sluice.query.Values.of(CITIES)));"),
        "compiler.err.prob.found.req", "inference variable R has incompatible equality constraints "
            + "dev.sluice.testing.User,dev.sluice.testing.City");
    assertOnly(compile("db.update(USERS).set(new City(1, \"Lima\", 1, null));"),
        "compiler.err.cant.apply.symbols", "no suitable method found for set(dev.sluice.testing.City)");
    assertOnly(compile("db.save(USERS, new City(1, \"Lima\", 1, null));"),
        "compiler.err.cant.apply.symbol", "method save in class dev.sluice.Database");
  }

  @Test
  void incrementingATextColumnDoesNotCompile() {
    assertOnly(compile("db.update(USERS).increment(USERS.fullName, 1);"),
        "compiler.err.cant.apply.symbol", "method increment in class dev.sluice.query.UpdateTable<R>");
  }

  private static String hookOnUsers(String declaration) {
    return "new dev.sluice.schema.Table<User>(\"t\", User.class) { public final dev.sluice.schema.Hook<User> h = "
        + declaration + "; };";
  }

  @Test
  void aHookOfTheRightRecordCompiles() {
    assertThat(compile(hookOnUsers("beforeInsert(u -> reactor.core.publisher.Mono.just(u))"))).isEmpty();
    assertThat(compile(hookOnUsers("beforeUpdate(u -> reactor.core.publisher.Mono.just(u.and(isNotNull(USERS.phone))))")))
        .isEmpty();
  }

  @Test
  void aHookReturningAnotherRecordTypeDoesNotCompile() {
    assertOnly(compile(hookOnUsers("beforeInsert(u -> reactor.core.publisher.Mono.just(new City(1, \"Lima\", 1, null)))")),
        "compiler.err.prob.found.req", "bad return type in lambda expression", "dev.sluice.testing.City",
        "dev.sluice.testing.User");
    assertOnly(compile(hookOnUsers("afterFetch((City c) -> reactor.core.publisher.Mono.just(c))")),
        "compiler.err.prob.found.req", "bad return type in lambda expression", "lower bounds: dev.sluice.testing.City");
    assertOnly(compile(hookOnUsers("beforeDelete(d -> reactor.core.publisher.Mono.just(\"no\"))")),
        "compiler.err.prob.found.req", "bad return type in lambda expression", "java.lang.String");
  }

  @Test
  void aSnippetThatFailsForAnotherReasonDoesNotPassAsATypeMismatch() {
    String typo = "db.selectFrom(USERS).where(eq(USERS.idd, \"x\"));";
    assertThatThrownBy(() -> assertTypeMismatch(compile(typo),
        "eq(dev.sluice.schema.Column<java.lang.Integer>,java.lang.String)", "java.lang.Integer",
        "java.lang.String")).isInstanceOf(AssertionError.class);
    String missingImport = "db.selectFrom(USERS).orderBy(USERS.id, Order.ASC).where(eq(USERS.id, \"x\"));";
    assertThatThrownBy(() -> assertTypeMismatch(compile(missingImport),
        "eq(dev.sluice.schema.Column<java.lang.Integer>,java.lang.String)", "java.lang.Integer",
        "java.lang.String")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertTypeMismatch(compile("db.update(USERS).set(USERS.fullName, 42)"),
        "set(dev.sluice.schema.Column<java.lang.String>,int)", "java.lang.String", "java.lang.Integer"))
        .as("a missing semicolon").isInstanceOf(AssertionError.class);
  }
}
