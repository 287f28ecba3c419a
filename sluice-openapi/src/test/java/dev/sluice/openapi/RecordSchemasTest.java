package dev.sluice.openapi;

import static dev.sluice.openapi.TableSchemasTest.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records to schemas: Java types as Jackson writes them, nested records as $ref, collections, nullness. */
class RecordSchemasTest {
  private static final Map<String, Object> NULL = Map.of("type", "null");

  @Test
  void aPageOfAccountsHasExactlyThisSchema() {
    Map<String, Map<String, Object>> schemas = OpenApiSchemas.ofRecords(Records.AccountPage.class).schemas();
    assertThat(schemas.keySet()).containsExactly("AccountPage", "Account", "Tag", "Author", "Money");
    Map<String, Object> page = schemas.get("AccountPage");
    assertThat(page.get("description")).isEqualTo("A page of accounts");
    assertThat(page.get("required")).isEqualTo(List.of("total", "cursor", "author"));
    assertThat(property(page, "accounts")).isEqualTo(Map.of("type", List.of("array", "null"),
        "items", Map.of("$ref", "#/components/schemas/Account"), "description", "The accounts on this page"));
    assertThat(property(page, "total")).isEqualTo(Map.of("type", "integer", "format", "int32"));
    assertThat(property(page, "next")).isEqualTo(Map.of("type", List.of("string", "null")));
    assertThat(property(page, "tags")).isEqualTo(Map.of("type", List.of("array", "null"),
        "items", Map.of("$ref", "#/components/schemas/Tag"), "uniqueItems", true));
    assertThat(property(page, "counts")).isEqualTo(Map.of("type", List.of("object", "null"),
        "additionalProperties", Map.of("type", "integer", "format", "int32")));
    assertThat(property(page, "cursor")).isEqualTo(Map.of("type", "string"));
    assertThat(property(page, "author")).isEqualTo(Map.of("$ref", "#/components/schemas/Author"));
    assertThat(property(page, "editor")).isEqualTo(Map.of("anyOf",
        List.of(Map.of("$ref", "#/components/schemas/Author"), NULL)));
    assertThat(property(page, "notes")).isEqualTo(Map.of("type", List.of("array", "null"),
        "items", Map.of("type", List.of("string", "null"))));
    assertThat(property(page, "labels")).isEqualTo(Map.of("type", List.of("array", "null"),
        "items", Map.of("type", "string")));
    assertThat(property(page, "blob")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "byte",
        "contentEncoding", "base64"));
    assertThat(property(page, "ids")).isEqualTo(Map.of("type", List.of("array", "null"),
        "items", Map.of("type", "integer", "format", "int64")));
    assertThat(property(page, "kind")).isEqualTo(Map.of("type", List.of("string", "null"),
        "enum", java.util.Arrays.asList("first-kind", "SECOND", null)));
    assertThat(property(page, "extra")).isEqualTo(Map.of());
  }

  @Test
  void valueTypesMapToTheirFormats() {
    Map<String, Object> author = OpenApiSchemas.ofRecords(Records.Author.class).schemas().get("Author");
    assertThat(author.get("required")).isEqualTo(List.of("initial", "level", "active", "score"));
    assertThat(property(author, "joined")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "date-time"));
    assertThat(property(author, "tenure")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "duration"));
    assertThat(property(author, "site")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "uri"));
    assertThat(property(author, "initial")).isEqualTo(Map.of("type", "string", "format", "char", "minLength", 1,
        "maxLength", 1));
    assertThat(property(author, "karma")).isEqualTo(Map.of("type", List.of("integer", "null")));
    assertThat(property(author, "level")).isEqualTo(Map.of("type", "integer", "format", "int8",
        "minimum", -128L, "maximum", 127L));
    assertThat(property(author, "alarm")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "time"));
    assertThat(property(author, "zoned")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "date-time"));
    assertThat(property(author, "active")).isEqualTo(Map.of("type", "boolean"));
    assertThat(property(author, "score")).isEqualTo(Map.of("type", "number", "format", "double"));
  }

  @Test
  void nullMarkedRecordsRequireEveryComponentButTheNullableOnes() {
    Map<String, Object> strict = OpenApiSchemas.ofRecords(Records.Marked.Strict.class).schemas().get("Strict");
    assertThat(strict.get("required")).isEqualTo(List.of("name", "tags"));
    assertThat(property(strict, "name")).isEqualTo(Map.of("type", "string"));
    assertThat(property(strict, "nick")).isEqualTo(Map.of("type", List.of("string", "null")));
    assertThat(property(strict, "tags")).isEqualTo(Map.of("type", "array", "items", Map.of("type", "string")));
    assertThat(property(strict, "age")).isEqualTo(Map.of("type", List.of("integer", "null"), "format", "int32"));
  }

  @Test
  void aTablesRowRecordRefersToTheTablesSchema() {
    Map<String, Map<String, Object>> schemas = OpenApiSchemas.ofRecords(Records.AccountPage.class, Shop.Post.class)
        .withTables(Shop.ACCOUNTS).schemas();
    assertThat(schemas.keySet()).containsExactly("Account", "AccountPage", "Post", "Money", "Tag", "Author");
    assertThat(property(schemas.get("Account"), "id").get("readOnly")).as("the table's schema").isEqualTo(true);
    assertThat(property(schemas.get("Post"), "id")).as("the record's schema")
        .isEqualTo(Map.of("type", List.of("integer", "null"), "format", "int32"));
  }

  @Test
  void aTypeThatCannotBeDescribedIsNamedWithWhereItWasMet() {
    assertThatThrownBy(() -> OpenApiSchemas.ofRecords(Records.Broken.class).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("Cannot describe Broken.worker of type java.lang.Thread: not a record, an enum, a collection or"
            + " a known value type; give its schema with OpenApiSchemas.mapping(Thread.class, schema)");
    assertThat(property(OpenApiSchemas.ofRecords(Records.Broken.class).mapping(Thread.class, Map.of("type", "string"))
        .schemas().get("Broken"), "worker")).isEqualTo(Map.of("type", List.of("string", "null")));

    assertThatThrownBy(() -> OpenApiSchemas.ofRecords(Records.Box.class).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessageStartingWith("Cannot describe Box.value: its type is the type variable T of ");
    assertThatThrownBy(() -> OpenApiSchemas.ofRecords(Records.Holder.class).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("Cannot describe Holder.box of type dev.sluice.openapi.Records$Box<java.lang.String>: a generic"
            + " record has no single schema; describe a record whose components have concrete types");
    assertThatThrownBy(() -> OpenApiSchemas.ofRecords(String.class).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("java.lang.String is not a record: only records (and tables) are described");
  }

  @Test
  void twoRecordsOfOneSimpleNameAreRefused() {
    assertThatThrownBy(() -> OpenApiSchemas.ofRecords(Records.Wallet.class).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("Two schemas would be named Money: record dev.sluice.openapi.Shop$Money and record"
            + " dev.sluice.openapi.Records$Other$Money");
  }
}
