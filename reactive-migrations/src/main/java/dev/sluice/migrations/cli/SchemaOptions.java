package dev.sluice.migrations.cli;

import dev.sluice.migrations.snapshot.SchemaSnapshot;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --schema}: packages or classes holding {@code public static final Table} fields, comma
 * separated (see {@link SchemaClasses}); found through {@link ClasspathOptions} when the CLI runs as
 * {@code java -jar}.
 */
final class SchemaOptions {
  @Option(names = "--schema", paramLabel = "PACKAGE|CLASS,...",
      description = "Packages (scanned with sub-packages) or classes holding the schema's public static final Table fields"
          + " (env SLUICE_SCHEMA, config key schema)")
  String schema;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** The snapshot of the schema code as {@code dialect} writes it, its classes found through {@code loader}. */
  SchemaSnapshot snapshot(ClassLoader loader, dev.sluice.spi.Dialect dialect) {
    if (schema == null || schema.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "Missing the schema: give --schema com.acme.schema, set SLUICE_SCHEMA, or put schema=... in sluice.properties");
    }
    return SchemaClasses.snapshot(schema, loader, dialect);
  }

  /** True when a schema was given (by flag, environment or config file). */
  boolean given() {
    return schema != null && !schema.isBlank();
  }

  /** The tables of the schema code, found through {@code loader}; none when no schema was given. */
  java.util.List<dev.sluice.schema.Table<?>> tables(ClassLoader loader) {
    return given() ? SchemaClasses.tables(schema, loader) : java.util.List.of();
  }
}
