package dev.sluice.migrations.cli;

import dev.sluice.openapi.EnumValues;
import dev.sluice.openapi.OpenApiSchemas;
import dev.sluice.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice openapi}: an OpenAPI 3.1 document whose {@code components.schemas} describe the
 * schema code's tables and the records named by {@code --records}, written by {@code sluice-openapi}'s
 * {@link OpenApiSchemas}; to standard output, or to {@code --output FILE}.
 *
 * <pre>
 * sluice openapi --schema com.acme.schema --classpath target/classes --output openapi.yaml
 * sluice openapi --records com.acme.api.UserPage --classpath target/classes --format json
 * </pre>
 */
@Command(name = "openapi", description = "Write an OpenAPI 3.1 document with the schemas of the schema code's tables and of records.")
final class OpenApiCommand implements Callable<Integer> {
  /** The text the document is written as. */
  enum Format { json, yaml }

  @Mixin SchemaOptions schema;
  @Mixin ClasspathOptions classpath;
  @Mixin OutputOptions output;

  @Option(names = "--records", paramLabel = "CLASS,...", split = ",",
      description = "Record classes to describe besides the tables (records they nest come along)")
  List<String> records = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: yaml for an --output ending in .yaml or .yml, else json)")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the document here instead of to standard output")
  Path file;

  @Option(names = "--title", defaultValue = "Sluice schemas", paramLabel = "TEXT",
      description = "The document's info.title (default: ${DEFAULT-VALUE})")
  String title;

  @Option(names = "--api-version", defaultValue = "1.0.0", paramLabel = "TEXT",
      description = "The document's info.version (default: ${DEFAULT-VALUE})")
  String apiVersion;

  @Option(names = "--sql-enum-labels", description = "List an enum column's SQL labels instead of the values Jackson writes")
  boolean sqlEnumLabels;

  @Spec CommandSpec spec;

  @Override public Integer call() {
    if (!schema.given() && records.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Nothing to describe: give --schema com.acme.schema"
          + " (or SLUICE_SCHEMA, or schema=... in sluice.properties) or --records com.acme.api.UserPage");
    }
    Format chosen = format != null ? format : file != null && isYaml(file) ? Format.yaml : Format.json;
    Written w = classpath.withLoader(loader -> {
      OpenApiSchemas api = OpenApiSchemas.of(schema.tables(loader).toArray(Table<?>[]::new))
          .withRecords(recordClasses(loader)).info(title, apiVersion)
          .enumValues(sqlEnumLabels ? EnumValues.SQL_LABELS : EnumValues.JACKSON);
      return new Written(chosen == Format.yaml ? api.toYaml() : api.toJson(), List.copyOf(api.schemas().keySet()));
    });
    Console console = output.console();
    if (file == null) {
      console.out().print(w.text());
      console.out().flush();
      return SluiceCli.OK;
    }
    write(file, w.text());
    if (output.json) {
      console.out().println(Json.object().put("file", file.toString()).put("format", chosen.name()).put("schemas", w.schemas()));
    } else {
      console.line("@|bold,green Wrote|@ " + Console.text(file.toString()) + " (" + w.schemas().size() + " schemas)");
    }
    return SluiceCli.OK;
  }

  private Class<?>[] recordClasses(ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : records) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      try {
        classes.add(Class.forName(n, true, loader));
      } catch (ClassNotFoundException e) {
        throw new ParameterException(spec.commandLine(), "Record class not found: " + n
            + " (is it on --classpath?)");
      }
    }
    return classes.toArray(Class<?>[]::new);
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The document's text and its schemas' names. */
  private record Written(String text, List<String> schemas) { }
}
