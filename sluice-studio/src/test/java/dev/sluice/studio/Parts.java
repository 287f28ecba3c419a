package dev.sluice.studio;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.math.BigDecimal;

/** The studio tests' table: a key, text, an exact decimal, a bigint past JavaScript's 2^53, a boolean, bytes. */
public final class Parts extends Table<Parts.Part> {
  public static final Parts PARTS = new Parts();

  public final Column<Integer> id = serial("id").primaryKey();
  public final Column<String> name = varchar("name", 40).notNull();
  public final Column<BigDecimal> price = decimal("price", 12, 2);
  public final Column<Long> stock = bigint("stock");
  public final Column<Boolean> active = bool("active");
  public final Column<String> note = text("note");
  public final Column<byte[]> data = bytes("data");

  public Parts() {
    super("parts");
  }

  /** A row of {@link Parts}. */
  public record Part(Integer id, String name, BigDecimal price, Long stock, Boolean active, String note, byte[] data) { }
}
