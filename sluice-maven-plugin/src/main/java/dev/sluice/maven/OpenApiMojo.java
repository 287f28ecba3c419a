package dev.sluice.maven;

import dev.sluice.migrations.cli.ClassPath;
import dev.sluice.migrations.cli.SchemaClasses;
import dev.sluice.openapi.EnumValues;
import dev.sluice.openapi.OpenApiSchemas;
import dev.sluice.schema.Table;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sluice:openapi}: writes an OpenAPI 3.1 document whose {@code components.schemas} describe
 * the tables of the schema classes ({@code schema}) and the record classes ({@code records}), as
 * {@code sluice openapi} does, to {@code output}: YAML when its name ends in {@code .yaml} or
 * {@code .yml}, else JSON (or as {@code format} says). No database is needed.
 *
 * <pre>
 * ./mvnw sluice:openapi -Dsluice.schema=com.acme.schema -Dsluice.records=com.acme.api.UserPage
 *     -Dsluice.output=target/openapi.yaml
 * </pre>
 */
@Mojo(name = "openapi", requiresProject = false, threadSafe = true)
public final class OpenApiMojo extends SluiceMojo {
  /** Record classes (comma separated, binary names) to describe besides the tables; records they nest come along. */
  @Parameter(property = "sluice.records")
  String records;

  /** The file to write; its extension chooses YAML ({@code .yaml}, {@code .yml}) or JSON. */
  @Parameter(property = "sluice.output", defaultValue = "${project.build.directory}/openapi.yaml")
  File output;

  /** {@code json} or {@code yaml}, instead of choosing by the output's extension. */
  @Parameter(property = "sluice.format")
  String format;

  /** The document's {@code info.title}. */
  @Parameter(property = "sluice.title", defaultValue = "Sluice schemas")
  String title = "Sluice schemas";

  /** The document's {@code info.version}. */
  @Parameter(property = "sluice.apiVersion", defaultValue = "1.0.0")
  String apiVersion = "1.0.0";

  /** List an enum column's SQL labels instead of the values Jackson writes. */
  @Parameter(property = "sluice.sqlEnumLabels", defaultValue = "false")
  boolean sqlEnumLabels;

  /** The names of the schemas the last run wrote, in the document's order. */
  List<String> schemas;

  @Override String goal() { return "openapi"; }

  @Override void run() {
    boolean hasSchema = schema != null && !schema.isBlank();
    List<String> recordNames = records == null ? List.of()
        : List.of(records.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (!hasSchema && recordNames.isEmpty()) {
      throw new IllegalArgumentException("Nothing to describe: set <schema> (packages or classes of tables) or"
          + " <records> (record classes), or -Dsluice.schema=... / -Dsluice.records=...");
    }
    if (output == null) {
      throw new IllegalArgumentException("Missing the output file: set <output> or -Dsluice.output=...");
    }
    boolean yaml = yaml(output.toPath());
    Path file = output.toPath();
    String text = ClassPath.with(classPath(), SluiceMojo.class.getClassLoader(), loader -> {
      List<Table<?>> tables = hasSchema ? SchemaClasses.tables(schema, loader) : List.of();
      OpenApiSchemas api = OpenApiSchemas.of(tables.toArray(Table<?>[]::new))
          .withRecords(recordClasses(recordNames, loader)).info(title, apiVersion)
          .enumValues(sqlEnumLabels ? EnumValues.SQL_LABELS : EnumValues.JACKSON);
      schemas = List.copyOf(api.schemas().keySet());
      return yaml ? api.toYaml() : api.toJson();
    });
    write(file, text);
    getLog().info("Wrote " + file + " (" + schemas.size() + " schemas, " + (yaml ? "yaml" : "json") + ")");
  }

  /** YAML or JSON: {@link #format} when set, else by the file's extension. */
  private boolean yaml(Path file) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "yaml", "yml" -> true;
        case "json" -> false;
        default -> throw new IllegalArgumentException("Unknown format '" + format + "': json or yaml");
      };
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static Class<?>[] recordClasses(List<String> names, ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) {
      try {
        classes.add(Class.forName(n, true, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("Record class not found: " + n
            + " (is it compiled, or on <classpath>?)", e);
      }
    }
    return classes.toArray(Class<?>[]::new);
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
}
