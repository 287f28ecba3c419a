package dev.sluice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice:openapi} as Maven runs it (in {@link MojosContract}'s manner: the mojo made, its
 * parameters set as the plugin's configuration would set them, {@code execute()} called): the file
 * written, read back by swagger-parser (an OpenAPI 3.1 parser) without a message, and the exact
 * failure the build would show. No database.
 */
class OpenApiMojoTest {
  private static final String SCHEMA = "dev.sluice.maven.fixtures.Schema";
  private static final String CARD = "dev.sluice.maven.fixtures.NoteCard";
  @TempDir Path tmp;

  private OpenApiMojo mojo(String schema, String records, Path output) {
    OpenApiMojo m = new OpenApiMojo();
    m.schema = schema;
    m.records = records;
    m.output = output.toFile();
    m.outputDirectory = new File(tmp.toFile(), "no-classes-here");   // the fixtures are on the plugin's own class path
    return m;
  }

  private static OpenAPI parse(Path file) throws Exception {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(file), null, null);
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
    return parsed.getOpenAPI();
  }

  private static Schema<?> property(OpenAPI api, String schema, String property) {
    return (Schema<?>) api.getComponents().getSchemas().get(schema).getProperties().get(property);
  }

  @Test
  void writesYamlForTheTablesAndRecordsToAFileNamedYaml() throws Exception {
    Path file = tmp.resolve("api/openapi.yaml");
    OpenApiMojo m = mojo(SCHEMA, CARD, file);
    m.execute();
    assertThat(m.schemas).containsExactly("Note", "NoteCard", "Tag");
    assertThat(file).content().startsWith("openapi: 3.1.0\n");
    OpenAPI api = parse(file);
    assertThat(api.getInfo().getTitle()).isEqualTo("Sluice schemas");
    assertThat(api.getInfo().getVersion()).isEqualTo("1.0.0");
    assertThat(api.getComponents().getSchemas()).containsOnlyKeys("Note", "NoteCard", "Tag");
    assertThat(api.getComponents().getSchemas().get("Note").getProperties()).containsOnlyKeys("id", "body");
    assertThat(property(api, "Note", "body").getMaxLength()).isEqualTo(100);
    assertThat(property(api, "NoteCard", "tags").getItems().get$ref()).isEqualTo("#/components/schemas/Tag");
  }

  @Test
  void writesJsonForAnyOtherNameOrWhenFormatSaysSo() throws Exception {
    Path json = tmp.resolve("openapi.json");
    OpenApiMojo m = mojo(SCHEMA, null, json);
    m.title = "Notes API";
    m.apiVersion = "2.1";
    m.execute();
    assertThat(json).content().startsWith("{\n  \"openapi\" : \"3.1.0\"");
    OpenAPI api = parse(json);
    assertThat(api.getInfo().getTitle()).isEqualTo("Notes API");
    assertThat(api.getInfo().getVersion()).isEqualTo("2.1");
    assertThat(api.getComponents().getSchemas()).containsOnlyKeys("Note");

    Path forced = tmp.resolve("openapi.txt");
    OpenApiMojo yaml = mojo(null, CARD, forced);
    yaml.format = "yaml";
    yaml.execute();
    assertThat(forced).content().startsWith("openapi: 3.1.0\n");
    assertThat(parse(forced).getComponents().getSchemas()).containsOnlyKeys("NoteCard", "Tag");
  }

  @Test
  void badConfigurationFailsTheBuildWithItsMessageAndWritesNothing() {
    Path file = tmp.resolve("openapi.yaml");
    assertThatThrownBy(mojo(null, " ", file)::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:openapi failed: Nothing to describe: set <schema> (packages or classes of tables) or"
            + " <records> (record classes), or -Dsluice.schema=... / -Dsluice.records=...");
    assertThatThrownBy(mojo(null, "com.acme.Nope", file)::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:openapi failed: Record class not found: com.acme.Nope (is it compiled, or on <classpath>?)");
    OpenApiMojo badFormat = mojo(SCHEMA, null, file);
    badFormat.format = "xml";
    assertThatThrownBy(badFormat::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:openapi failed: Unknown format 'xml': json or yaml");
    assertThatThrownBy(mojo("dev.sluice.maven.fixtures.NoteCard", null, file)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:openapi failed: No public static final Table field in class dev.sluice.maven.fixtures.NoteCard");
    OpenApiMojo noClasses = mojo(SCHEMA, null, file);
    noClasses.classpath = tmp.resolve("missing").toString();
    assertThatThrownBy(noClasses::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:openapi failed: Class path entry not found: " + tmp.resolve("missing"));
    assertThat(file).doesNotExist();
  }

  @Test
  void isSkippedWithSluiceSkip() throws Exception {
    Path file = tmp.resolve("openapi.yaml");
    OpenApiMojo m = mojo(SCHEMA, null, file);
    m.skip = true;
    m.execute();
    assertThat(file).doesNotExist();
  }
}
