package dev.sluice.migrations.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.migrations.MigrationException;

/**
 * Writes and reads {@code snapshot.json}: keys sorted, one value per line, two-space indent,
 * {@code \n} line ends and empty lists or nulls left out, so that a schema change shows as a small
 * text diff in review and the same schema always gives the same bytes.
 *
 * <pre>{@code
 * String json = SnapshotJson.write(snapshot);
 * SchemaSnapshot again = SnapshotJson.read(json);   // equals snapshot
 * }</pre>
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
      .build();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private SnapshotJson() { }

  /** The snapshot as stable JSON text, ending with a newline. */
  public static String write(SchemaSnapshot snapshot) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new MigrationException("Cannot write the schema snapshot: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a snapshot written by {@link #write}; a malformed file raises {@link MigrationException}. */
  public static SchemaSnapshot read(String json) {
    try {
      SchemaSnapshot s = MAPPER.readValue(json, SchemaSnapshot.class);
      if (s.formatVersion() > SchemaSnapshot.FORMAT_VERSION) {
        throw new MigrationException("The snapshot has format version " + s.formatVersion()
            + "; this Sluice reads up to " + SchemaSnapshot.FORMAT_VERSION);
      }
      return s;
    } catch (JsonProcessingException e) {
      throw new MigrationException("Cannot read the schema snapshot: " + e.getOriginalMessage(), e);
    }
  }
}
