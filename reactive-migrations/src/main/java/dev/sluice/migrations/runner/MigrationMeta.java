package dev.sluice.migrations.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.migrations.MigrationException;

/**
 * A written migration's {@code meta.json}: its parent, the migration last in name order when it
 * was written (whose snapshot it was diffed from, unless that one was made by hand without a
 * snapshot), or null for the first one. Two migrations with one parent were generated on two branches; {@link Migrator#check()}
 * reports them.
 *
 * <pre>{"parent": "20261203101500_init"}</pre>
 *
 * @param parent the parent migration's name, or null for the first migration
 */
public record MigrationMeta(String parent) {
  static final String FILE_NAME = "meta.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  String toJson() {
    try {
      return "{\"parent\": " + MAPPER.writeValueAsString(parent) + "}\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static MigrationMeta fromJson(String migration, String json) {
    try {
      JsonNode parent = MAPPER.readTree(json).get("parent");
      if (parent == null || !(parent.isNull() || parent.isTextual())) {
        throw new MigrationException(migration + "/" + FILE_NAME + " has no \"parent\" name (or null)");
      }
      return new MigrationMeta(parent.isNull() ? null : parent.asText());
    } catch (JsonProcessingException e) {
      throw new MigrationException("Cannot read " + migration + "/" + FILE_NAME + ": " + e.getOriginalMessage(), e);
    }
  }
}
