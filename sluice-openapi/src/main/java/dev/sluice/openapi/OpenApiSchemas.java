package dev.sluice.openapi;

import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAPI 3.1 component schemas of Sluice tables and Java records, as maps, JSON or YAML. Immutable:
 * every method returns a new object, and the output is made afresh on each call.
 *
 * <pre>{@code
 * String yaml = OpenApiSchemas.of(USERS, POSTS)        // the tables' rows, named for their records
 *     .withRecords(UserPage.class)                     // more records; nested records come along
 *     .mapping(Money.class, Map.of("type", "string", "pattern", "^-?\\d+\\.\\d{2}$"))
 *     .info("Shop API", "1.0")
 *     .toYaml();
 * }</pre>
 *
 * <p>For {@code varchar("email", 320).notNull().comment("Where receipts go")} the schema of
 * {@code USERS} holds {@code "email": {"type": "string", "maxLength": 320, "description": "Where
 * receipts go"}} and lists {@code email} as required; a nullable column's type is
 * {@code ["string", "null"]}. A table is named for its row record ({@code User}), or for its SQL name
 * in UpperCamelCase when its rows are not records; a record is named by its simple name, and a record
 * that is a table's row type refers to the table's schema. Column kinds map as listed in the README
 * ("OpenAPI schemas"); record components as Jackson writes them (with {@code java.time} as ISO text).
 */
public final class OpenApiSchemas {
  private final List<Table<?>> tables;
  private final List<Class<?>> records;
  private final Map<Class<?>, Map<String, Object>> mappings;
  private final EnumValues enumValues;
  private final String title;
  private final String version;

  private OpenApiSchemas(List<Table<?>> tables, List<Class<?>> records, Map<Class<?>, Map<String, Object>> mappings,
      EnumValues enumValues, String title, String version) {
    this.tables = List.copyOf(tables);
    this.records = List.copyOf(records);
    this.mappings = Map.copyOf(mappings);
    this.enumValues = enumValues;
    this.title = title;
    this.version = version;
  }

  /** The schemas of these tables' rows. */
  public static OpenApiSchemas of(Table<?>... tables) {
    return new OpenApiSchemas(List.of(), List.of(), Map.of(), EnumValues.JACKSON, "Sluice schemas", "1.0.0")
        .withTables(tables);
  }

  /** The schemas of these records (and of the records they nest). */
  public static OpenApiSchemas ofRecords(Class<?>... records) {
    return of().withRecords(records);
  }

  /** These schemas and those of more tables. */
  public OpenApiSchemas withTables(Table<?>... more) {
    List<Table<?>> all = new ArrayList<>(tables);
    for (Table<?> t : more) {
      all.add(Objects.requireNonNull(t, "table"));
    }
    return new OpenApiSchemas(all, records, mappings, enumValues, title, version);
  }

  /** These schemas and those of more records; a class that is not a record is refused when the schemas are made. */
  public OpenApiSchemas withRecords(Class<?>... more) {
    List<Class<?>> all = new ArrayList<>(records);
    for (Class<?> r : more) {
      all.add(Objects.requireNonNull(r, "record"));
    }
    return new OpenApiSchemas(tables, all, mappings, enumValues, title, version);
  }

  /**
   * The schema of values of {@code type} wherever it appears (a custom column type, a record
   * component), instead of the built-in one; required for a type that is neither a record, an enum,
   * a collection nor a known value type. The map is copied.
   */
  public OpenApiSchemas mapping(Class<?> type, Map<String, ?> schema) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schema, "schema");
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) Schemas.copy(schema);
    Map<Class<?>, Map<String, Object>> all = new LinkedHashMap<>(mappings);
    all.put(type, java.util.Collections.unmodifiableMap(copy));
    return new OpenApiSchemas(tables, records, all, enumValues, title, version);
  }

  /** Which values an enum column lists: {@link EnumValues#JACKSON} (the default) or its SQL labels. */
  public OpenApiSchemas enumValues(EnumValues values) {
    return new OpenApiSchemas(tables, records, mappings, Objects.requireNonNull(values, "values"), title, version);
  }

  /** The document's {@code info.title} and {@code info.version} (default "Sluice schemas", "1.0.0"). */
  public OpenApiSchemas info(String title, String version) {
    return new OpenApiSchemas(tables, records, mappings, enumValues, requireText(title, "title"),
        requireText(version, "version"));
  }

  /**
   * The component schemas by name ({@code components.schemas}): the tables in the order given,
   * then the records, then the records they nest in the order met.
   *
   * @throws OpenApiException naming the column or component whose type cannot be described, or two
   *     schemas that would share a name
   */
  public Map<String, Map<String, Object>> schemas() {
    return new Components(mappings, enumValues).build(tables, records);
  }

  /** A whole OpenAPI 3.1 document: {@code openapi}, {@code info} and {@code components.schemas}. */
  public Map<String, Object> document() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", title);
    info.put("version", version);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", schemas());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", info);
    doc.put("components", components);
    return doc;
  }

  /** {@link #document()} as indented JSON. */
  public String toJson() {
    return DocumentWriter.json(document());
  }

  /** {@link #document()} as YAML. */
  public String toYaml() {
    return DocumentWriter.yaml(document());
  }

  private static String requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isBlank()) {
      throw new IllegalArgumentException("The document's " + what + " is blank");
    }
    return s;
  }

  @Override public String toString() {
    return "OpenApiSchemas" + Arrays.asList(tables.size() + " tables", records.size() + " records");
  }
}
