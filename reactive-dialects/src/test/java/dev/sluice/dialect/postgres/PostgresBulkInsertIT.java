package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.ContractBase;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Many-row inserts go through unnest with one array per column; every array-able type round-trips. */
class PostgresBulkInsertIT extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  public record Wide(Long id, Short s, Integer i, Long l, Boolean b, String v, String c, String t,
                     BigDecimal d, Float r, Double f, LocalDate day, LocalDateTime ts,
                     OffsetDateTime tz, UUID u) {}

  public static final class Wides extends Table<Wide> {
    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<Short> s = smallint("s");
    public final Column<Integer> i = integer("i");
    public final Column<Long> l = bigint("l");
    public final Column<Boolean> b = bool("b");
    public final Column<String> v = varchar("v", 20);
    public final Column<String> c = fixedChar("c", 2);
    public final Column<String> t = text("t");
    public final Column<BigDecimal> d = decimal("d", 10, 3);
    public final Column<Float> r = real("r");
    public final Column<Double> f = doublePrecision("f");
    public final Column<LocalDate> day = date("day");
    public final Column<LocalDateTime> ts = timestamp("ts");
    public final Column<OffsetDateTime> tz = timestamptz("tz");
    public final Column<UUID> u = uuid("u");

    public Wides() { super("wides"); }
  }

  static final Wides WIDES = new Wides();

  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {WIDES}; }

  @Test
  void everyArrayableTypeAndNullRoundTripsThroughUnnest() {
    List<Wide> rows = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      rows.add(k % 3 == 0
          ? new Wide(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
          : new Wide(null, (short) k, k * 1000, k * 1_000_000_000L, k % 2 == 0, "v" + k, "c" + (k % 10),
              "it's \"text\" " + k, new BigDecimal(k + ".125"), k / 4f, k / 8d, LocalDate.of(2026, 1, 1 + k % 28),
              LocalDateTime.of(2026, 2, 3, 4, 5, k % 60), OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC),
              new UUID(k, -k)));
    }
    List<Wide> back = db.insertInto(WIDES).values(rows).returning().collectList().block(T);
    assertThat(back).hasSize(50);
    for (int k = 0; k < 50; k++) {
      Wide w = back.get(k);
      Wide want = rows.get(k);
      assertThat(w).usingRecursiveComparison().ignoringFields("id", "tz").isEqualTo(want);
      if (want.tz() != null) {
        assertThat(w.tz().toInstant()).isEqualTo(want.tz().toInstant());
      }
    }
  }

  @Test
  void rendersOneArrayBindPerColumn() {
    var rendered = new PostgresDialect().render(dev.sluice.Database.builder().dialect(new PostgresDialect())
        .build().selectFrom(WIDES).query());
    assertThat(rendered.sql()).startsWith("SELECT");
    var insert = new PostgresDialect().render(new dev.sluice.sql.InsertQuery(WIDES, List.of(WIDES.i, WIDES.v),
        List.of(List.of(new dev.sluice.sql.Param<>(1, WIDES.i.dataType()), new dev.sluice.sql.Param<>("a", WIDES.v.dataType())),
            List.of(new dev.sluice.sql.Param<>(2, WIDES.i.dataType()), new dev.sluice.sql.Param<>(null, WIDES.v.dataType()))),
        List.of()));
    assertThat(insert.sql()).isEqualTo("INSERT INTO \"wides\" (\"i\", \"v\") SELECT * FROM unnest($1::INT[], "
        + "$2::text[])");
    assertThat(insert.binds()).hasSize(2);
    assertThat((Object[]) insert.values().get(1)).containsExactly("a", null);
  }
}
