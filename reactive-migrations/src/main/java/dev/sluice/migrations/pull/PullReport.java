package dev.sluice.migrations.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Puller#pull()} read and wrote.
 *
 * @param tables   the tables pulled
 * @param sources  the generated Java sources
 * @param written  the files written, or empty when no directory was given
 * @param warnings what schema code could not declare exactly (a composite foreign key, a default that is no
 *                 value of the column's Java type...), each naming its table
 */
public record PullReport(List<String> tables, List<JavaSource> sources, List<Path> written, List<String> warnings) {
  public PullReport {
    tables = List.copyOf(tables);
    sources = List.copyOf(sources);
    written = List.copyOf(written);
    warnings = List.copyOf(warnings);
  }
}
