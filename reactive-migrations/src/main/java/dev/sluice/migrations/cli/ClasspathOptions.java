package dev.sluice.migrations.cli;

import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --classpath}: where the schema classes, Java migrations and seeders are when the CLI runs
 * as {@code java -jar} (also {@code SLUICE_CLASSPATH} or {@code classpath=} in the config file).
 */
final class ClasspathOptions {
  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Directories and jars holding schema classes, Java migrations and seeders, separated by the platform's"
          + " path separator (':' or ';') (env SLUICE_CLASSPATH, config key classpath)")
  String classpath;

  /** Runs {@code work} with a loader over the class path (closed afterwards), or the CLI's own loader without one. */
  <T> T withLoader(Function<ClassLoader, T> work) {
    return ClassPath.with(classpath, ClasspathOptions.class.getClassLoader(), work);
  }
}
