package dev.sluice.testing;

import static dev.sluice.testing.Schema.CITIES;
import static dev.sluice.testing.Schema.COUNTRIES;

import dev.sluice.Database;
import java.time.Duration;
import java.util.List;

/** Seed rows several contracts share. */
public final class Seeds {
  private Seeds() {}

  /** The ids of the seeded countries. */
  public record Countries(int peru, int chile, int bolivia) {}

  /**
   * Peru (Lima, Cusco, Arequipa), Chile (Santiago), Bolivia (no city), and Nowhere, a city without a
   * country.
   */
  public static Countries countriesAndCities(Database db) {
    Duration t = Duration.ofSeconds(30);
    List<Country> cs = db.insertInto(COUNTRIES).values(List.of(new Country(null, "Peru"),
        new Country(null, "Chile"), new Country(null, "Bolivia"))).returning().collectList().block(t);
    int peru = cs.get(0).id();
    int chile = cs.get(1).id();
    db.insertInto(CITIES).values(List.of(new City(null, "Lima", peru, Popularity.POPULAR),
        new City(null, "Cusco", peru, Popularity.KNOWN), new City(null, "Arequipa", peru, null),
        new City(null, "Santiago", chile, Popularity.POPULAR), new City(null, "Nowhere", null, null)))
        .execute().block(t);
    return new Countries(peru, chile, cs.get(2).id());
  }
}
