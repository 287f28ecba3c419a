package dev.sluice.migrations.seed;

import java.util.List;

/**
 * What {@link Seeds#run()} did.
 *
 * @param ran     the seeders that ran, in order
 * @param skipped the seeders skipped: run once already, or their guard said the data is there
 */
public record SeedReport(List<String> ran, List<String> skipped) {
  public SeedReport {
    ran = List.copyOf(ran);
    skipped = List.copyOf(skipped);
  }
}
