package dev.sluice.contract;

import static dev.sluice.testing.Schema.POPULARITY;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.testing.Popularity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The tables of {@link ValueFidelityContract}: every column kind, with keys the tests give. The
 * scalar kinds are one table, whose many-row inserts take PostgreSQL's array ({@code unnest}) path;
 * the others (time, JSON, bytes, enum), which PostgreSQL inserts with multi-row VALUES, another.
 */
public final class FidelitySchema {
  private FidelitySchema() {}

  /** One row of every scalar column kind. */
  public record Scalars(Integer id, Short small, Integer medium, Long big, BigDecimal amount,
                        Float ratio, Double score, Boolean flag, String name, String code,
                        String body, LocalDate day, LocalDateTime stamp, OffsetDateTime stampTz,
                        UUID uid) {
    /** A row with only its key. */
    static Scalars key(int id) {
      return new Scalars(id, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null);
    }
  }

  /** One row of the other column kinds. */
  public record Extras(Integer id, LocalTime clock, String doc, String docb, byte[] payload,
                      Popularity mood) {
    static Extras key(int id) {
      return new Extras(id, null, null, null, null, null);
    }
  }

  public static final class ScalarTable extends Table<Scalars> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Short> small = smallint("small");
    public final Column<Integer> medium = integer("medium");
    public final Column<Long> big = bigint("big");
    public final Column<BigDecimal> amount = decimal("amount", 38, 10);
    public final Column<Float> ratio = real("ratio");
    public final Column<Double> score = doublePrecision("score");
    public final Column<Boolean> flag = bool("flag");
    public final Column<String> name = varchar("name", 40);
    public final Column<String> code = fixedChar("code", 4);
    public final Column<String> body = text("body");
    public final Column<LocalDate> day = date("day");
    public final Column<LocalDateTime> stamp = timestamp("stamp");
    public final Column<OffsetDateTime> stampTz = timestamptz("stamp_tz");
    public final Column<UUID> uid = uuid("uid");

    public ScalarTable() { super("fid_scalars"); }
  }

  public static final class ExtraTable extends Table<Extras> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<LocalTime> clock = time("clock");
    public final Column<String> doc = json("doc");
    public final Column<String> docb = jsonb("docb");
    public final Column<byte[]> payload = bytes("payload");
    public final Column<Popularity> mood = column("mood", POPULARITY);

    public ExtraTable() { super("fid_extras"); }
  }

  public static final ScalarTable SCALARS = new ScalarTable();
  public static final ExtraTable EXTRAS = new ExtraTable();
}
