package dev.sluice.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated documents, JSON and YAML, read back by swagger-parser (an OpenAPI 3.1 parser) without a message. */
class OpenApiParserTest {
  private static final OpenApiSchemas SHOP = OpenApiSchemas.of(Shop.ACCOUNTS, Shop.POSTS)
      .withRecords(Records.AccountPage.class, Records.Marked.Strict.class)
      .info("Shop API", "1.0");

  private static SwaggerParseResult parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  @Test
  void theJsonDocumentParsesWithoutMessages() {
    SwaggerParseResult result = parse(SHOP.toJson());
    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getInfo().getTitle()).isEqualTo("Shop API");
    assertThat(api.getInfo().getVersion()).isEqualTo("1.0");
    assertThat(api.getComponents().getSchemas().keySet())
        .containsExactly("Account", "Post", "AccountPage", "Strict", "Money", "Tag", "Author");

    Schema<?> account = api.getComponents().getSchemas().get("Account");
    assertThat(account.getTypes()).isEqualTo(Set.of("object"));
    assertThat(account.getRequired()).containsExactlyInAnyOrder("id", "score", "balance", "verified", "handle", "created", "token",
        "status");
    Map<String, Schema> props = account.getProperties();
    assertThat(props.get("age").getTypes()).isEqualTo(Set.of("integer", "null"));
    assertThat(props.get("age").getFormat()).isEqualTo("int16");
    assertThat(props.get("id").getReadOnly()).isTrue();
    assertThat(props.get("balance").getMultipleOf()).isEqualByComparingTo(new BigDecimal("0.01"));
    assertThat(props.get("balance").getExclusiveMaximumValue()).isEqualByComparingTo(new BigDecimal("1E10"));
    assertThat(props.get("balance").getDescription()).isEqualTo("In euros");
    assertThat(props.get("handle").getMaxLength()).isEqualTo(40);
    assertThat(props.get("token").getFormat()).isEqualTo("uuid");
    assertThat(props.get("prefs").getContentMediaType()).isEqualTo("application/json");
    assertThat(props.get("avatar").getContentEncoding()).isEqualTo("base64");
    assertThat(props.get("status").getEnum()).containsExactly("ACTIVE", "SUSPENDED");
    assertThat(props.get("status").getDefault()).isEqualTo("ACTIVE");
    List<Schema> credit = props.get("credit").getAnyOf();
    assertThat(credit.get(0).get$ref()).isEqualTo("#/components/schemas/Money");
    assertThat(credit.get(1).getTypes()).isEqualTo(Set.of("null"));
    Map<String, Schema> page = api.getComponents().getSchemas().get("AccountPage").getProperties();
    assertThat(page.get("accounts").getItems().get$ref()).isEqualTo("#/components/schemas/Account");
  }

  @Test
  void theYamlDocumentParsesWithoutMessagesToTheSameTree() throws Exception {
    String yaml = SHOP.toYaml();
    assertThat(yaml).startsWith("openapi: 3.1.0\ninfo:\n  title: Shop API\n  version: \"1.0\"\n");
    SwaggerParseResult result = parse(yaml);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo("1.0");
    Map<String, Schema> post = result.getOpenAPI().getComponents().getSchemas().get("Post").getProperties();
    assertThat(post.get("status").getTypes()).isEqualTo(Set.of("string", "null"));
    assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml)).isEqualTo(new ObjectMapper().readTree(SHOP.toJson()));
  }

  @Test
  void yamlQuotesEveryStringThatWouldReadAsSomethingElse() throws Exception {
    OpenApiSchemas tricky = OpenApiSchemas.ofRecords(Records.Tricky.class).info("1.0", "2");
    String yaml = tricky.toYaml();
    assertThat(parse(yaml).getMessages()).isEmpty();
    assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml)).isEqualTo(new ObjectMapper().readTree(tricky.toJson()));
  }

  @Test
  void defaultsOfEveryTypeParseWithoutMessages() {
    OpenApiSchemas literals = OpenApiSchemas.of(new dev.sluice.testing.Literals.TypedDefaults(),
        new dev.sluice.testing.Literals.EnumDefaults(), new dev.sluice.testing.Literals.StringDefaults());
    assertThat(parse(literals.toJson()).getMessages()).isEmpty();
    SwaggerParseResult yaml = parse(literals.toYaml());
    assertThat(yaml.getMessages()).isEmpty();
    Map<String, Schema> strings = yaml.getOpenAPI().getComponents().getSchemas().get("LiteralStrings").getProperties();
    for (int i = 0; i < dev.sluice.testing.Literals.STRINGS.size(); i++) {
      assertThat(strings.get("s" + i).getDefault()).as("s%d", i).isEqualTo(dev.sluice.testing.Literals.STRINGS.get(i));
    }
  }

  @Test
  void theParserReportsWhatIsWrongSoAnEmptyListMeansSomething() {
    String json = SHOP.toJson();
    assertThat(parse(json.replace("#/components/schemas/Money", "#/components/schemas/Mony")).getMessages())
        .containsExactly("Could not find /components/schemas/Mony in contents of #/components/schemas/Mony");
    assertThat(parse(json.replace("\"openapi\" : \"3.1.0\",", "")).getMessages())
        .containsExactly("attribute openapi is missing");
  }
}
