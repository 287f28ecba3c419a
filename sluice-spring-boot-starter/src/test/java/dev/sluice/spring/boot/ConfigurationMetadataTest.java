package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The annotation processor's {@code META-INF/spring-configuration-metadata.json}, which IDEs complete from. */
class ConfigurationMetadataTest {

  @Test
  void listsEverySluicePropertyWithItsTypeDescriptionAndDefault() throws IOException {
    JsonNode root;
    try (InputStream in = SluiceProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata file is generated into the jar").isNotNull();
      root = JsonMapper.builder().build().readTree(in);
    }
    Map<String, JsonNode> byName = new HashMap<>();
    root.get("properties").forEach(p -> byName.put(p.get("name").asString(), p));
    assertThat(byName.keySet()).containsExactlyInAnyOrder("sluice.dialect", "sluice.fetch-size",
        "sluice.reveal-bind-values", "sluice.join-spring-transactions", "sluice.foreign-transactions",
        "sluice.max-rows-per-insert", "sluice.sql-cache-size", "sluice.migrations.enabled",
        "sluice.migrations.location", "sluice.migrations.history-table", "sluice.migrations.refuse-out-of-order",
        "sluice.migrations.timeout", "sluice.health.timeout", "sluice.translate-repository-errors", "sluice.name",
        "sluice.observe.log-sql", "sluice.observe.slow-statement", "sluice.observe.binds", "sluice.observe.micrometer");
    byName.forEach((name, p) -> assertThat(p.path("description").asString()).as(name).isNotBlank());
    assertThat(byName.get("sluice.foreign-transactions").get("type").asString()).isEqualTo("dev.sluice.ForeignTransactionPolicy");
    assertThat(byName.get("sluice.join-spring-transactions").get("defaultValue").asBoolean()).isTrue();
    assertThat(byName.get("sluice.migrations.location").get("defaultValue").asString()).isEqualTo("classpath:db/migrations");
    assertThat(byName.get("sluice.max-rows-per-insert").get("defaultValue").asInt()).isEqualTo(2000);
    assertThat(byName.get("sluice.observe.micrometer").get("defaultValue").asBoolean()).isTrue();
    assertThat(byName.get("sluice.observe.slow-statement").get("type").asString()).isEqualTo("java.time.Duration");
  }
}
