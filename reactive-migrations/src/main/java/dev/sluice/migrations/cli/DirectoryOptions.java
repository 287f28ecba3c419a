package dev.sluice.migrations.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: the migrations directory (also {@code SLUICE_DIR} or {@code dir=} in the config file). */
final class DirectoryOptions {
  @Option(names = "--dir", defaultValue = "db/migrations", paramLabel = "DIR",
      description = "Migrations directory (default: ${DEFAULT-VALUE}; env SLUICE_DIR, config key dir)")
  Path dir;
}
