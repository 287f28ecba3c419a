package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The fence of {@code dev.sluice.internal}: an application module that {@code requires
 * dev.sluice.core} compiles against the public packages and cannot name the internal ones. Each
 * case compiles a small module with javac against reactive-core's classes and its dependencies on
 * the module path.
 */
class ModuleFenceTest {
  record Error(String code, String message) {}

  private static String modulePath() {
    return Stream.of(Database.class, reactor.core.publisher.Flux.class, org.reactivestreams.Publisher.class,
            io.r2dbc.spi.ConnectionFactory.class, io.r2dbc.pool.ConnectionPool.class, reactor.pool.Pool.class,
            com.github.benmanes.caffeine.cache.Caffeine.class, org.slf4j.Logger.class)
        .map(c -> {
          try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static JavaFileObject source(String name, String text) {
    return new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
      @Override public CharSequence getCharContent(boolean ignore) { return text; }
    };
  }

  private static List<Error> compileApp(String imports, String body) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Path.of("target", "module-fence");
    out.toFile().mkdirs();
    javac.getTask(new StringWriter(), null, diagnostics,
        List.of("--module-path", modulePath(), "--class-path", out.toString(), "-d", out.toString(), "-proc:none"), null,
        List.of(source("module-info.java", "module app { requires dev.sluice.core; }"),
            source("app/App.java", "package app;\n" + imports + "\nclass App {\n  void run() {\n" + body
                + "\n  }\n}\n"))).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> new Error(d.getCode(), d.getMessage(Locale.ENGLISH))).toList();
  }

  @Test
  void anApplicationModuleCompilesAgainstThePublicApi() {
    assertThat(compileApp("import dev.sluice.Database;\nimport reactor.core.publisher.Flux;",
        "Database db = Database.builder().dialect(new dev.sluice.spi.StandardDialect()).build();\n"
            + "Flux<Long> n = db.inTransaction(tx -> Flux.just(1L));"))
        .isEmpty();
  }

  @Test
  void anApplicationModuleCannotNameTheInternalPackage() {
    List<Error> errors = compileApp("import dev.sluice.internal.Executor;", "Executor e = null;");
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).code()).isEqualTo("compiler.err.package.not.visible");
    assertThat(errors.get(0).message()).contains("dev.sluice.internal", "does not export");
  }
}
