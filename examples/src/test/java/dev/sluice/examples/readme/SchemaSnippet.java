package dev.sluice.examples.readme;

import dev.sluice.schema.Column;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import dev.sluice.testing.Country;
import dev.sluice.testing.Popularity;

/** The README's "Schema in code" block: an enum type, a table class and its record. */
final class SchemaSnippet {
  private SchemaSnippet() {}

  public static final class Countries extends Table<Country> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 256).notNull();

    public Countries() { super("countries"); }
  }

  static final Countries COUNTRIES = new Countries();

  // tag::schema[]
  public static final EnumType<Popularity> POPULARITY = EnumType.of("popularity", Popularity.class);

  public static final class Cities extends Table<City> {
    public final Column<Integer>    id         = serial("id").primaryKey();
    public final Column<String>     name       = varchar("name", 256);
    public final Column<Integer>    countryId  = integer("country_id").references(() -> COUNTRIES.id);
    public final Column<Popularity> popularity = column("popularity", POPULARITY);
    public Cities() { super("cities"); }
  }
  public record City(Integer id, String name, Integer countryId, Popularity popularity) {}
  // end::schema[]

  static final Cities CITIES = new Cities();
}
