package dev.sluice.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One run of the generator: the component names handed out so far (a table's row record is named
 * for its table, so a record that nests it refers to the table's schema), the records still to
 * describe, and the schemas in the order they were first named. Made anew for every call, never shared.
 */
final class Components {
  private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final Map<Class<?>, Map<String, Object>> mappings;
  private final EnumValues enumValues;
  private final ObjectMapper mapper = new ObjectMapper();
  private final EnumSchemas enums = new EnumSchemas(mapper);
  private final Map<String, Object> owners = new HashMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();
  private final Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();

  Components(Map<Class<?>, Map<String, Object>> mappings, EnumValues enumValues) {
    this.mappings = mappings;
    this.enumValues = enumValues;
  }

  /** The component schemas of {@code tables} and {@code records}, and of every record they nest. */
  Map<String, Map<String, Object>> build(List<Table<?>> tables, List<Class<?>> records) {
    List<Table<?>> described = new java.util.ArrayList<>();
    for (Table<?> t : tables) {
      if (claimTable(t)) {
        described.add(t);
      }
    }
    for (Class<?> r : records) {
      if (!r.isRecord()) {
        throw new OpenApiException(r.getName() + " is not a record: only records (and tables) are described");
      }
      nameOf(r);
    }
    TypeSchemas types = new TypeSchemas(this);
    TableSchemas tableSchemas = new TableSchemas(types, enums, enumValues, new JsonValues(mapper));
    for (Table<?> t : described) {
      schemas.put(tableName(t), tableSchemas.describe(t));
    }
    RecordSchemas recordSchemas = new RecordSchemas(types);
    while (!pending.isEmpty()) {
      Class<?> r = pending.removeFirst();
      schemas.put(names.get(r), recordSchemas.describe(r));
    }
    return schemas;
  }

  /** The component name of a record, claimed (and the record queued for describing) on first sight. */
  String nameOf(Class<?> record) {
    String name = names.get(record);
    if (name == null) {
      name = claim(record.getSimpleName(), record, "record " + record.getName());
      names.put(record, name);
      pending.addLast(record);
      schemas.put(name, null); // keeps the order of first sight
    }
    return name;
  }

  /** The user's schema for {@code type} (a fresh copy), or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> mapping(Class<?> type) {
    Map<String, Object> m = mappings.get(type);
    return m == null ? null : (Map<String, Object>) Schemas.copy(m);
  }

  EnumSchemas enums() { return enums; }

  /** Claims the table's name; false for a second instance of a table class already claimed (an alias). */
  private boolean claimTable(Table<?> t) {
    String name = tableName(t);
    Object owner = owners.get(name);
    if (owner instanceof Table<?> other && other.getClass() == t.getClass() && other.name().equals(t.name())) {
      return false;
    }
    claim(name, t, "table " + t.name());
    schemas.put(name, null); // keeps the tables first, in the order given
    if (t.rowType().isRecord()) {
      names.put(t.rowType(), name);
    }
    return true;
  }

  /** A table is named for its row record, or, when its rows are not records, for its SQL name. */
  private static String tableName(Table<?> t) {
    if (t.rowType().isRecord()) {
      return t.rowType().getSimpleName();
    }
    StringBuilder b = new StringBuilder();
    for (String part : t.name().split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  private String claim(String name, Object owner, String what) {
    if (!COMPONENT_NAME.matcher(name).matches()) {
      throw new OpenApiException("Cannot name the schema of " + what + " '" + name
          + "': an OpenAPI component name holds only A-Z, a-z, 0-9, '.', '-' and '_'");
    }
    Object previous = owners.putIfAbsent(name, owner);
    if (previous != null && previous != owner) {
      throw new OpenApiException("Two schemas would be named " + name + ": " + describe(previous) + " and " + what);
    }
    return name;
  }

  private static String describe(Object owner) {
    if (owner instanceof Table<?> t) {
      return "table " + t.name() + " (" + t.getClass().getName() + ")";
    }
    return "record " + ((Class<?>) owner).getName();
  }
}
