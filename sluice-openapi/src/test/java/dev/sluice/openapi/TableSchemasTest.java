package dev.sluice.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Row;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.testing.Literals;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables to schemas: every column kind, nullability, read-only and default values, comments, names. */
class TableSchemasTest {
  /** A table whose rows are not records: named for its SQL name. */
  public static final class UserEvents extends Table<Row> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<BigDecimal> tiny = decimal("tiny", 3, 5);
    public final Column<BigDecimal> whole = decimal("whole", 4, 0).notNull();

    public UserEvents() { super("user_events"); }
  }

  /** A second table whose rows are {@link Shop.Post}s. */
  public static final class ArchivedPosts extends Table<Shop.Post> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Long> accountId = bigint("account_id").notNull();
    public final Column<String> title = text("title").notNull();
    public final Column<Shop.Status> status = column("status", Shop.STATUS);

    public ArchivedPosts() { super("archived_posts"); }
  }

  /** A row of {@link Wallets}. */
  public record Wallet(Integer id, Currency currency) { }

  /** A custom column type that is neither a record nor a known value type. */
  public static final class Wallets extends Table<Wallet> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Currency> currency = column("currency",
        DataType.custom("CHAR(3)", Currency.class, dev.sluice.schema.Codec.of(String.class, Currency::getCurrencyCode,
            Currency::getInstance))).notNull().comment("ISO 4217");

    public Wallets() { super("wallets"); }
  }

  @Test
  void theAccountsTableHasExactlyThisSchema() {
    Map<String, Object> account = OpenApiSchemas.of(Shop.ACCOUNTS).schemas().get("Account");
    assertThat(DocumentWriter.json(account)).isEqualTo("""
        {
          "type" : "object",
          "description" : "A customer account",
          "properties" : {
            "id" : {
              "type" : "integer",
              "format" : "int64",
              "readOnly" : true
            },
            "age" : {
              "type" : [ "integer", "null" ],
              "format" : "int16",
              "minimum" : -32768,
              "maximum" : 32767
            },
            "score" : {
              "type" : "integer",
              "format" : "int32",
              "default" : 0
            },
            "balance" : {
              "type" : "number",
              "format" : "decimal",
              "multipleOf" : 0.01,
              "exclusiveMinimum" : -10000000000,
              "exclusiveMaximum" : 10000000000,
              "description" : "In euros"
            },
            "ratio" : {
              "type" : [ "number", "null" ],
              "format" : "float"
            },
            "weight" : {
              "type" : [ "number", "null" ],
              "format" : "double"
            },
            "verified" : {
              "type" : "boolean",
              "default" : false
            },
            "handle" : {
              "type" : "string",
              "maxLength" : 40,
              "description" : "The public name"
            },
            "country" : {
              "type" : [ "string", "null" ],
              "maxLength" : 2
            },
            "bio" : {
              "type" : [ "string", "null" ]
            },
            "born" : {
              "type" : [ "string", "null" ],
              "format" : "date"
            },
            "wakes" : {
              "type" : [ "string", "null" ],
              "format" : "time-local"
            },
            "seen" : {
              "type" : [ "string", "null" ],
              "format" : "date-time-local"
            },
            "created" : {
              "type" : "string",
              "format" : "date-time",
              "readOnly" : true
            },
            "token" : {
              "type" : "string",
              "format" : "uuid"
            },
            "prefs" : {
              "type" : [ "string", "null" ],
              "contentMediaType" : "application/json"
            },
            "meta" : {
              "type" : [ "string", "null" ],
              "contentMediaType" : "application/json"
            },
            "avatar" : {
              "type" : [ "string", "null" ],
              "format" : "byte",
              "contentEncoding" : "base64"
            },
            "status" : {
              "type" : "string",
              "enum" : [ "ACTIVE", "SUSPENDED" ],
              "default" : "ACTIVE"
            },
            "credit" : {
              "anyOf" : [ {
                "$ref" : "#/components/schemas/Money"
              }, {
                "type" : "null"
              } ]
            }
          },
          "required" : [ "id", "score", "balance", "verified", "handle", "created", "token", "status" ]
        }
        """);
  }

  @Test
  void tablesComeFirstInTheOrderGivenThenTheRecordsTheyNest() {
    assertThat(OpenApiSchemas.of(Shop.POSTS, Shop.ACCOUNTS).schemas()).containsOnlyKeys("Post", "Account", "Money")
        .extractingFromEntries(Map.Entry::getKey).containsExactly("Post", "Account", "Money");
    assertThat(OpenApiSchemas.of(Shop.ACCOUNTS).schemas().get("Money")).isEqualTo(Map.of(
        "type", "object", "description", "An amount in cents",
        "properties", Map.of("cents", Map.of("type", "integer", "format", "int64")),
        "required", List.of("cents")));
  }

  @Test
  void aNullableEnumListsNullAndSqlLabelsCanBeChosen() {
    Map<String, Object> post = OpenApiSchemas.of(Shop.POSTS).schemas().get("Post");
    assertThat(property(post, "status")).isEqualTo(Map.of("type", List.of("string", "null"),
        "enum", java.util.Arrays.asList("ACTIVE", "SUSPENDED", null)));
    assertThat(post.get("required")).isEqualTo(List.of("id", "accountId", "title"));

    Map<String, Map<String, Object>> labelled = OpenApiSchemas.of(Shop.ACCOUNTS, Shop.POSTS)
        .enumValues(EnumValues.SQL_LABELS).schemas();
    assertThat(property(labelled.get("Post"), "status").get("enum")).isEqualTo(java.util.Arrays.asList("active", "suspended", null));
    assertThat(property(labelled.get("Account"), "status"))
        .isEqualTo(Map.of("type", "string", "enum", List.of("active", "suspended"), "default", "active"));
  }

  @Test
  void aTableOfRowsIsNamedForItsSqlNameAndDecimalsBoundTheirDigits() {
    Map<String, Map<String, Object>> schemas = OpenApiSchemas.of(new UserEvents()).schemas();
    assertThat(schemas).containsOnlyKeys("UserEvents");
    assertThat(property(schemas.get("UserEvents"), "tiny")).isEqualTo(Map.of("type", List.of("number", "null"),
        "format", "decimal", "multipleOf", new BigDecimal("1E-5"), "exclusiveMinimum", new BigDecimal("-1E-2"),
        "exclusiveMaximum", new BigDecimal("1E-2")));
    assertThat(DocumentWriter.json(property(schemas.get("UserEvents"), "whole"))).isEqualTo("""
        {
          "type" : "number",
          "format" : "decimal",
          "multipleOf" : 1,
          "exclusiveMinimum" : -10000,
          "exclusiveMaximum" : 10000
        }
        """);
  }

  @Test
  void anAliasOfATableIsDescribedOnceButTwoTablesOfOneRecordAreRefused() {
    assertThat(OpenApiSchemas.of(Shop.POSTS, Shop.POSTS.as("p")).schemas()).containsOnlyKeys("Post");
    assertThatThrownBy(() -> OpenApiSchemas.of(Shop.POSTS, new ArchivedPosts()).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("Two schemas would be named Post: table posts (dev.sluice.openapi.Shop$Posts) and table archived_posts");
  }

  @Test
  void aCustomTypeNeedsAMappingAndTheErrorNamesTheColumn() {
    assertThatThrownBy(() -> OpenApiSchemas.of(new Wallets()).schemas())
        .isInstanceOf(OpenApiException.class)
        .hasMessage("Cannot describe column wallets.currency of type java.util.Currency: not a record, an enum, a"
            + " collection or a known value type; give its schema with OpenApiSchemas.mapping(Currency.class, schema)");

    Map<String, Object> pattern = new java.util.HashMap<>(Map.of("type", "string", "pattern", "^[A-Z]{3}$"));
    OpenApiSchemas mapped = OpenApiSchemas.of(new Wallets()).mapping(Currency.class, pattern);
    pattern.put("pattern", "changed after");
    assertThat(property(mapped.schemas().get("Wallet"), "currency"))
        .isEqualTo(Map.of("type", "string", "pattern", "^[A-Z]{3}$", "description", "ISO 4217"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDefaultOfEveryTypeIsWrittenAsJsonWritesIt() {
    Map<String, Map<String, Object>> schemas = OpenApiSchemas.of(new Literals.TypedDefaults()).schemas();
    Map<String, Object> defaults = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) (Map<?, ?>) schemas.get("LiteralTypes")
        .get("properties");
    props.forEach((name, s) -> defaults.put(name, s.get("default")));
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("id", null);
    expected.put("small", (short) -32768);
    expected.put("medium", Integer.MAX_VALUE);
    expected.put("big", Long.MIN_VALUE);
    expected.put("flag", true);
    expected.put("off", false);
    expected.put("amount", new BigDecimal("-12345678901234.000001"));
    expected.put("tiny", new BigDecimal("1E-8"));
    expected.put("ratio", 0.1f);
    expected.put("score", -1.0E-300);
    expected.put("day", "1999-12-31");
    expected.put("clock", "23:59:58");
    expected.put("stamp", "2024-02-29T01:02:03.456789");
    expected.put("uid", "0f8fad5b-d9cb-469f-a165-70867728950e");
    expected.put("doc", "{\"k\": \"it's \\\\ \\\" é\"}");
    expected.put("payload", "ACdc/wo=");
    expected.put("price", Map.of("cents", -42L));
    assertThat(defaults).containsExactlyEntriesOf(expected);
    assertThat(DocumentWriter.json(props.get("tiny"))).contains("\"default\" : 0.00000001");

    assertThat(property(OpenApiSchemas.of(new Literals.EnumDefaults()).schemas().get("LiteralEnums"), "odd")
        .get("default")).isEqualTo("BOTH");
    assertThat(property(OpenApiSchemas.of(new Literals.EnumDefaults()).enumValues(EnumValues.SQL_LABELS).schemas()
        .get("LiteralEnums"), "odd")).isEqualTo(Map.of("type", List.of("string", "null"),
            "enum", java.util.Arrays.asList("it's", "back\\slash", "\\' ); --", "50%_off $$", "é😀", null),
            "default", "\\' ); --"));
  }

  @Test
  void eachCallMakesItsOwnMaps() {
    OpenApiSchemas api = OpenApiSchemas.of(Shop.ACCOUNTS);
    Map<String, Map<String, Object>> first = api.schemas();
    first.get("Account").put("type", "changed");
    assertThat(api.schemas().get("Account").get("type")).isEqualTo("object");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> property(Map<String, Object> schema, String name) {
    return ((Map<String, Map<String, Object>>) schema.get("properties")).get(name);
  }
}
