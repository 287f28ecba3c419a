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
 * @param views         the views (absent from files written before Sluice knew views: read as none)
 */
public record SchemaSnapshot(int formatVersion, List<EnumSnapshot> enums, List<TableSnapshot> tables,
                             List<ViewSnapshot> views) {
  /** The JSON layout this code writes. */
  public static final int FORMAT_VERSION = 1;

  /** The schema with nothing in it: where the first migration starts from. */
  public static final SchemaSnapshot EMPTY = new SchemaSnapshot(FORMAT_VERSION, List.of(), List.of());

  public SchemaSnapshot {
    enums = TableSnapshot.sorted(enums, EnumSnapshot::name);
    tables = TableSnapshot.sorted(tables, TableSnapshot::name);
    views = TableSnapshot.sorted(views, ViewSnapshot::name);
  }

  /** A snapshot without views. */
  public SchemaSnapshot(int formatVersion, List<EnumSnapshot> enums, List<TableSnapshot> tables) {
    this(formatVersion, enums, tables, List.of());
  }

  /** A snapshot of the current format with views. */
  public static SchemaSnapshot of(List<EnumSnapshot> enums, List<TableSnapshot> tables, List<ViewSnapshot> views) {
    return new SchemaSnapshot(FORMAT_VERSION, enums, tables, views);
  }

  /** The same schema with other views. */
  public SchemaSnapshot withViews(List<ViewSnapshot> newViews) {
    return new SchemaSnapshot(formatVersion, enums, tables, newViews);
  }

  /** The same schema with other tables. */
  public SchemaSnapshot withTables(List<TableSnapshot> newTables) {
    return new SchemaSnapshot(formatVersion, enums, newTables, views);
  }

  /** The same schema with other enum types. */
  public SchemaSnapshot withEnums(List<EnumSnapshot> newEnums) {
    return new SchemaSnapshot(formatVersion, newEnums, tables, views);
  }

  /** The view named {@code name}, if any. */
  public Optional<ViewSnapshot> view(String name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The database schemas its tables and views are declared in (not the default one), sorted. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public java.util.SortedSet<String> schemas() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    tables.forEach(t -> { if (t.schema() != null) { out.add(t.schema()); } });
    views.forEach(v -> { if (v.schema() != null) { out.add(v.schema()); } });
    return out;
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
