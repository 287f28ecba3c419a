package dev.sluice.testing;

import dev.sluice.Row;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Tables whose DDL carries values turned into SQL literals: column defaults of every type and enum
 * labels, each holding the characters a literal must escape (quotes, backslashes, newlines, ...).
 */
public final class Literals {
  private Literals() {}

  /** Strings a DDL literal must keep exactly; one default column each in {@link StringDefaults}. */
  public static final List<String> STRINGS = List.of(
      "it's \\' ); -- x",
      "\\",
      "\\\\'",
      "a\\nb \\t \\0 \\Z \\%",
      "tab\there\r\nline2\nline3",
      "100% _under_ %_",
      "unicode é ß 中文 😀",
      "''",
      "\\' OR 1=1 --",
      "a\\\nb\\\r\nc",
      "$$ $sluice$ $1 ?",
      "length(x) [x] \"q\" `b`",
      " trailing and leading ",
      "N'x' E'y' _utf8mb4'z'",
      "/* c */ # h -- d",
      "\u00a0\u2028\u200b");

  /** One varchar and one text default per string of {@link #STRINGS}, plus an id. */
  public static final class StringDefaults extends Table<Row> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> s0 = varchar("s0", 100).defaultValue(STRINGS.get(0));
    public final Column<String> s1 = varchar("s1", 100).defaultValue(STRINGS.get(1));
    public final Column<String> s2 = varchar("s2", 100).defaultValue(STRINGS.get(2));
    public final Column<String> s3 = varchar("s3", 100).defaultValue(STRINGS.get(3));
    public final Column<String> s4 = varchar("s4", 100).defaultValue(STRINGS.get(4));
    public final Column<String> s5 = varchar("s5", 100).defaultValue(STRINGS.get(5));
    public final Column<String> s6 = varchar("s6", 100).defaultValue(STRINGS.get(6));
    public final Column<String> s7 = varchar("s7", 100).defaultValue(STRINGS.get(7));
    public final Column<String> s8 = varchar("s8", 100).defaultValue(STRINGS.get(8));
    public final Column<String> s9 = varchar("s9", 100).defaultValue(STRINGS.get(9));
    public final Column<String> s10 = varchar("s10", 100).defaultValue(STRINGS.get(10));
    public final Column<String> s11 = varchar("s11", 100).defaultValue(STRINGS.get(11));
    public final Column<String> s12 = varchar("s12", 100).defaultValue(STRINGS.get(12));
    public final Column<String> s13 = varchar("s13", 100).defaultValue(STRINGS.get(13));
    public final Column<String> s14 = varchar("s14", 100).defaultValue(STRINGS.get(14));
    public final Column<String> s15 = varchar("s15", 100).defaultValue(STRINGS.get(15));
    public final Column<String> t0 = text("t0").defaultValue(STRINGS.get(0));
    public final Column<String> t9 = text("t9").defaultValue(STRINGS.get(9));

    public StringDefaults() { super("literal_strings"); }
  }

  /** A default of every other column type, at an edge of its range where there is one. */
  public static final class TypedDefaults extends Table<Row> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Short> small = smallint("small").defaultValue(Short.MIN_VALUE);
    public final Column<Integer> medium = integer("medium").defaultValue(Integer.MAX_VALUE);
    public final Column<Long> big = bigint("big").defaultValue(Long.MIN_VALUE);
    public final Column<Boolean> flag = bool("flag").defaultValue(true);
    public final Column<Boolean> off = bool("off").defaultValue(false);
    public final Column<BigDecimal> amount = decimal("amount", 20, 6).defaultValue(new BigDecimal("-12345678901234.000001"));
    public final Column<BigDecimal> tiny = decimal("tiny", 10, 8).defaultValue(new BigDecimal("1E-8"));
    public final Column<Float> ratio = real("ratio").defaultValue(0.1f);
    public final Column<Double> score = doublePrecision("score").defaultValue(-1.0E-300);
    public final Column<LocalDate> day = date("day").defaultValue(LocalDate.of(1999, 12, 31));
    public final Column<LocalTime> clock = time("clock").defaultValue(LocalTime.of(23, 59, 58));
    public final Column<LocalDateTime> stamp = timestamp("stamp").defaultValue(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000));
    public final Column<UUID> uid = uuid("uid").defaultValue(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    public final Column<String> doc = json("doc").defaultValue("{\"k\": \"it's \\\\ \\\" é\"}");
    public final Column<byte[]> payload = bytes("payload").defaultValue(new byte[] {0, 39, 92, (byte) 0xff, 10});
    public final Column<Money> price = column("price", DataType.custom("BIGINT", Money.class, Money.CODEC))
        .defaultValue(new Money(-42));

    public TypedDefaults() { super("literal_types"); }
  }

  /** Constants whose SQL labels hold what a literal must escape. */
  public enum Odd { QUOTE, BACKSLASH, BOTH, PERCENT, UNICODE }

  /** The labels of {@link Odd}. */
  public static String label(Odd o) {
    return switch (o) {
      case QUOTE -> "it's";
      case BACKSLASH -> "back\\slash";
      case BOTH -> "\\' ); --";
      case PERCENT -> "50%_off $$";
      case UNICODE -> "é😀";
    };
  }

  public static final EnumType<Odd> ODD = EnumType.of("literal_odd", Odd.class, Literals::label);

  /** An enum column with odd labels, defaulting to the worst one. */
  public static final class EnumDefaults extends Table<Row> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Odd> odd = column("odd", ODD).defaultValue(Odd.BOTH);

    public EnumDefaults() { super("literal_enums"); }
  }

  /** A default holding a NUL character. */
  public static final class NulDefault extends Table<Row> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> nul = varchar("nul", 10).defaultValue("a\u0000b");

    public NulDefault() { super("literal_nul"); }
  }

  public static final StringDefaults STRING_DEFAULTS = new StringDefaults();
  public static final TypedDefaults TYPED_DEFAULTS = new TypedDefaults();
  public static final EnumDefaults ENUM_DEFAULTS = new EnumDefaults();
  public static final NulDefault NUL_DEFAULT = new NulDefault();
}
