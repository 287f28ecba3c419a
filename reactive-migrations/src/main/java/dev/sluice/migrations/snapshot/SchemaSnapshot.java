package dev.sluice.migrations.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * A whole schema: enum types and tables, each sorted by name. Built from code
 * ({@link CodeSnapshots}), read from a live database ({@code dev.sluice.migrations.introspect}) or
 * from a migration's {@code snapshot.json} ({@link SnapshotJson}); two snapshots of one schema are
 * {@code equals}.
 *
 * @param formatVersion the version of the JSON layout ({@link #FORMAT_VERSION})
 * @param enums         the enum types
 * @param tables        the tables
 */
public record SchemaSnapshot(int formatVersion, List<EnumSnapshot> enums, List<TableSnapshot> tables) {
  /** The JSON layout this code writes. */
  public static final int FORMAT_VERSION = 1;

  /** The schema with nothing in it: where the first migration starts from. */
  public static final SchemaSnapshot EMPTY = new SchemaSnapshot(FORMAT_VERSION, List.of(), List.of());

  public SchemaSnapshot {
    enums = TableSnapshot.sorted(enums, EnumSnapshot::name);
    tables = TableSnapshot.sorted(tables, TableSnapshot::name);
  }

  /** A snapshot of the current format. */
  public static SchemaSnapshot of(List<EnumSnapshot> enums, List<TableSnapshot> tables) {
    return new SchemaSnapshot(FORMAT_VERSION, enums, tables);
  }

  /** The table named {@code name}, if any. */
  public Optional<TableSnapshot> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The enum type named {@code name}, if any. */
  public Optional<EnumSnapshot> enumType(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
