package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sluice.error.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sluice's default JSON mapping and the codec of typed JSON columns, without a database. */
class JsonMappingTest {
  record Item(String sku, BigDecimal price, long qty, Instant at) {}

  private final JsonMapping json = JsonMapping.defaults();

  @Test
  void keepsDecimalsLongsAndInstantsExactly() {
    Item item = new Item("a", new BigDecimal("1.50"), 9007199254740993L, Instant.parse("2026-01-02T03:04:05.123456Z"));
    String text = json.write(item, Item.class, "t.c");
    assertThat(text).isEqualTo("{\"sku\":\"a\",\"price\":1.50,\"qty\":9007199254740993,\"at\":\"2026-01-02T03:04:05.123456Z\"}");
    assertThat(json.read(text, Item.class, "t.c")).isEqualTo(item);
    Object any = json.read("{\"x\": 0.10}", Object.class, "t.c");
    assertThat(any).as("floats read as BigDecimal with their scale")
        .isEqualTo(java.util.Map.of("x", new BigDecimal("0.10")));
  }

  @Test
  void unknownPropertiesAndUnwritableValuesFailNamingTheColumn() {
    assertThatThrownBy(() -> json.read("{\"sku\":\"a\",\"extra\":1}", Item.class, "shop.items"))
        .isInstanceOf(MappingException.class).hasMessageContaining("shop.items").hasMessageContaining("extra");
    assertThatThrownBy(() -> json.read("{", Item.class, "shop.items"))
        .isInstanceOf(MappingException.class).hasMessageContaining("shop.items");
    assertThatThrownBy(() -> json.write(new Object(), Object.class, "shop.items"))
        .isInstanceOf(MappingException.class).hasMessageContaining("shop.items");
  }

  @Test
  void genericTypesReadThroughTheToken() {
    JsonType<List<Item>> token = new JsonType<>() {};
    assertThat(token.rawType()).isEqualTo(List.class);
    JsonCodec<List<Item>> codec = new JsonCodec<>(token.type(), "shop.cart");
    List<Item> cart = codec.fromDb("[{\"sku\":\"a\",\"price\":2.0,\"qty\":1,\"at\":null}]");
    assertThat(cart).containsExactly(new Item("a", new BigDecimal("2.0"), 1, null));
    JsonType<List<Item>> jackson = JsonType.ofType(new TypeReference<List<Item>>() {}.getType());
    assertThat(jackson.type()).isEqualTo(token.type());
  }

  @Test
  void aWrittenValueWaitsForTheDatabasesMapping() {
    JsonCodec<Item> codec = new JsonCodec<>(Item.class, "shop.items");
    Object bound = codec.toDb(new Item("a", BigDecimal.ONE, 1, null));
    assertThat(bound).isInstanceOf(JsonCodec.Pending.class);
    com.fasterxml.jackson.databind.ObjectMapper upper = JsonMapping.defaultMapper()
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.UPPER_CAMEL_CASE);
    assertThat(((JsonCodec.Pending) bound).text(JsonMapping.of(upper))).startsWith("{\"Sku\":\"a\"");
    assertThat(bound.toString()).startsWith("{\"sku\":\"a\"");
    assertThat(codec).isEqualTo(new JsonCodec<>(Item.class, "shop.items"))
        .as("equal codecs key one cached rendering").hasSameHashCodeAs(new JsonCodec<>(Item.class, "shop.items"));
  }
}
