package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.schema.SqlKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values shown exactly, and text from the page bound exactly or refused naming the column. */
class ValuesTest {
  static final StudioColumn PRICE = new StudioColumn("price", SqlKind.DECIMAL, true, false, 0, 12, 2);
  static final StudioColumn FLAG = StudioColumn.of("flag", SqlKind.BOOLEAN, false, false);
  static final StudioColumn BIG = StudioColumn.of("big", SqlKind.BIGINT, true, false);

  @Test
  void numbersJavaScriptWouldRoundAreShownAsTheirDigits() {
    assertThat(Values.toJson(BIG, 9_007_199_254_740_993L).toString()).isEqualTo("\"9007199254740993\"");
    assertThat(Values.toJson(PRICE, new BigDecimal("1E+3")).asText()).isEqualTo("1000");
    assertThat(Values.toJson(PRICE, new BigDecimal("0.10")).asText()).isEqualTo("0.10");
    assertThat(Values.toJson(StudioColumn.of("n", SqlKind.INTEGER, true, false), 7).toString()).isEqualTo("7");
    assertThat(Values.toJson(StudioColumn.of("d", SqlKind.DOUBLE, true, false), 0.1).asText()).isEqualTo("0.1");
    assertThat(Values.toJson(StudioColumn.of("b", SqlKind.BYTES, true, false), new byte[] {0, 10, -1}).asText()).isEqualTo("\\x000aff");
    assertThat(Values.toJson(FLAG, 1).toString()).isEqualTo("true");
    assertThat(Values.toJson(FLAG, null).isNull()).isTrue();
  }

  @Test
  void textBecomesTheColumnsTypeExactly() {
    assertThat(Values.parse(PRICE, "12345678.91")).isEqualTo(new BigDecimal("12345678.91"));
    assertThat(Values.parse(BIG, "9007199254740993")).isEqualTo(9_007_199_254_740_993L);
    assertThat(Values.parse(FLAG, "false")).isEqualTo(false);
    assertThat((byte[]) Values.parse(StudioColumn.of("b", SqlKind.BYTES, true, false), "\\x00ff")).containsExactly(0, -1);
    assertThat(Values.parse(StudioColumn.of("t", SqlKind.TIMESTAMPTZ, true, false), "2024-05-31T13:45:00Z"))
        .isEqualTo(OffsetDateTime.parse("2024-05-31T13:45:00Z"));
    UUID u = UUID.randomUUID();
    assertThat(Values.parse(StudioColumn.of("u", SqlKind.UUID, true, false), u.toString())).isEqualTo(u);
  }

  @Test
  void whatTheDatabaseWouldChangeIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> Values.parse(PRICE, "1.005")).isInstanceOf(HttpError.class)
        .hasMessage("Column price is DECIMAL(12, 2): 1.005 has 3 digits after the point, the database would round it");
    assertThatThrownBy(() -> Values.parse(PRICE, "12345678901")).hasMessage(
        "Column price is DECIMAL(12, 2): 12345678901 has too many digits before the point");
    assertThatThrownBy(() -> Values.parse(BIG, "9223372036854775808"))
        .hasMessage("Column big (BIGINT): \"9223372036854775808\" is not a whole number in range");
    assertThatThrownBy(() -> Values.parse(FLAG, "yes")).hasMessage("Column flag (BOOLEAN): \"yes\" is not true or false");
    assertThatThrownBy(() -> Values.parse(new StudioColumn("v", SqlKind.VARCHAR, true, false, 3, 0, 0), "abcd"))
        .hasMessage("Column v holds at most 3 characters; the value has 4");
    assertThatThrownBy(() -> Values.parse(StudioColumn.of("j", SqlKind.JSONB, true, false), "{}"))
        .hasMessage("Column j is JSONB: the studio shows it but does not bind values of that type");
    assertThatThrownBy(() -> Values.fromJson(FLAG, JsonNodeFactory.instance.nullNode()))
        .hasMessage("Column flag is NOT NULL: it cannot be set to null");
    assertThatThrownBy(() -> Values.parse(StudioColumn.of("d", SqlKind.DOUBLE, true, false), "NaN"))
        .hasMessage("Column d: NaN is not a finite number");
  }
}
