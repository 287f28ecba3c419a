package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice openapi}: the schema code's tables and named records as an OpenAPI 3.1 document, on stdout or in a file. */
class OpenApiCommandTest {
  private static final String SEED = "dev.sluice.migrations.fixtures.seed";

  @TempDir Path tmp;
  private String out;
  private String err;

  private int run(Map<String, String> env, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SluiceCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(o, true),
        new PrintWriter(e, true), false, env);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private static SwaggerParseResult parse(String text) {
    return new OpenAPIV3Parser().readContents(text, null, null);
  }

  @Test
  void writesTheTablesSchemasAsJsonToStandardOutput() throws Exception {
    assertThat(run(Map.of(), "openapi", "--schema", SEED, "--title", "Seed", "--api-version", "2")).as(err).isZero();
    SwaggerParseResult parsed = parse(out);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Seed");
    assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsOnlyKeys("User", "AuthOtp");
    JsonNode user = new ObjectMapper().readTree(out).at("/components/schemas/User");
    assertThat(user).isEqualTo(new ObjectMapper().readTree("""
        {"type": "object",
         "properties": {"id": {"type": "integer", "format": "int32", "readOnly": true},
                        "fullName": {"type": ["string", "null"], "maxLength": 256}},
         "required": ["id"]}
        """));
  }

  @Test
  void writesYamlToAFileAndReportsIt() throws Exception {
    Path file = tmp.resolve("docs/openapi.yaml");
    assertThat(run(Map.of(), "openapi", "--schema", SEED, "--records",
        "dev.sluice.migrations.fixtures.api.ApiRecords$UserPage", "--output", file.toString(), "--json")).as(err).isZero();
    JsonNode report = new ObjectMapper().readTree(out);
    assertThat(report.get("file").asText()).isEqualTo(file.toString());
    assertThat(report.get("format").asText()).isEqualTo("yaml");
    assertThat(new ObjectMapper().convertValue(report.get("schemas"), String[].class))
        .containsExactlyInAnyOrder("User", "AuthOtp", "UserPage").endsWith("UserPage");
    String yaml = Files.readString(file);
    assertThat(yaml).startsWith("openapi: 3.1.0\n");
    SwaggerParseResult parsed = parse(yaml);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getComponents().getSchemas().get("UserPage").getProperties().get("users"))
        .extracting("items.$ref").isEqualTo("#/components/schemas/User");

    assertThat(run(Map.of(), "openapi", "--schema", SEED, "-o", tmp.resolve("o.json").toString())).as(err).isZero();
    assertThat(out).isEqualTo("Wrote " + tmp.resolve("o.json") + " (2 schemas)\n");
    assertThat(Files.readString(tmp.resolve("o.json"))).startsWith("{\n  \"openapi\" : \"3.1.0\"");
  }

  @Test
  void takesTheSchemaFromTheEnvironmentAndRecordsAlone() {
    assertThat(run(Map.of("SLUICE_SCHEMA", SEED), "openapi", "--format", "yaml")).as(err).isZero();
    assertThat(parse(out).getOpenAPI().getComponents().getSchemas()).containsOnlyKeys("User", "AuthOtp");
    assertThat(run(Map.of(), "openapi", "--records", "dev.sluice.migrations.fixtures.api.ApiRecords$UserPage")).as(err).isZero();
    assertThat(parse(out).getOpenAPI().getComponents().getSchemas()).containsOnlyKeys("UserPage", "User");
  }

  @Test
  void badInputIsAUsageErrorAndAnIndescribableTypeAFailure() {
    assertThat(run(Map.of(), "openapi")).isEqualTo(SluiceCli.USAGE);
    assertThat(err).startsWith("Nothing to describe: give --schema com.acme.schema");
    assertThat(run(Map.of(), "openapi", "--records", "com.acme.Nope")).isEqualTo(SluiceCli.USAGE);
    assertThat(err).startsWith("Record class not found: com.acme.Nope (is it on --classpath?)");
    assertThat(run(Map.of(), "openapi", "--records", "dev.sluice.migrations.fixtures.api.ApiRecords$Busy"))
        .isEqualTo(SluiceCli.FAILED);
    assertThat(err).isEqualTo("Cannot describe Busy.worker of type java.lang.Thread: not a record, an enum, a collection"
        + " or a known value type; give its schema with OpenApiSchemas.mapping(Thread.class, schema)\n");
    assertThat(out).isEmpty();
  }
}
