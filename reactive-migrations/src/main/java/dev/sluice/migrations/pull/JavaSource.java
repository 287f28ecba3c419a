package dev.sluice.migrations.pull;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param className the fully qualified class name ({@code com.acme.schema.Users})
 * @param text      the source
 */
public record JavaSource(String className, String text) {
  public JavaSource {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(text, "text");
  }

  /** The file's path under a source root: {@code com/acme/schema/Users.java}. */
  public String path() {
    return className.replace('.', '/') + ".java";
  }
}
