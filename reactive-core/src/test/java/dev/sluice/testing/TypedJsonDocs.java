package dev.sluice.testing;

import dev.sluice.schema.Column;
import dev.sluice.schema.JsonType;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A table of typed JSON columns (records mapped by Jackson), for the JSON contract and golden SQL. */
public final class TypedJsonDocs {
  private TypedJsonDocs() {}

  public record Address(String city, String zip) {}

  public record Item(String sku, BigDecimal price, long qty) {}

  /** Exactness on the way through JSON: decimals with their scale, longs past 2^53, unicode, nesting, time. */
  public record Profile(String name, BigDecimal balance, long big, String unicode, Address address,
                        List<Item> items, Instant seen, String nothing) {}

  public record Typed(Integer id, Profile profile, List<Item> items) {}

  public static final class TypedDocs extends Table<Typed> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Profile> profile = jsonb("profile", Profile.class);
    public final Column<List<Item>> items = json("items", new JsonType<List<Item>>() {});

    public TypedDocs() { super("json_typed"); }
  }

  public static final TypedDocs TYPED = new TypedDocs();
}
