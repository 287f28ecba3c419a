package dev.sluice.testing;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.query.Functions.count;
import static dev.sluice.testing.Schema.CITIES;
import static dev.sluice.testing.Schema.COUNTRIES;
import static dev.sluice.testing.Schema.USERS;

import dev.sluice.query.Detached;
import dev.sluice.schema.Column;
import dev.sluice.schema.View;
import dev.sluice.sql.Statement;

/** Views over the seed schema, for the views contract and the golden DDL. */
public final class Views {
  private Views() {}

  /** A name no view may let through: quotes, a statement separator, a comment, a backslash. */
  public static final String HOSTILE = "it's'; DROP TABLE users; -- \\";

  public record Reachable(Integer id, String fullName, String email) {}

  /** Users with an e-mail address, except the one with the hostile name. */
  public static final class ReachableUsers extends View<Reachable> {
    public final Column<Integer> id = integer("id");
    public final Column<String> fullName = varchar("full_name", 256);
    public final Column<String> email = varchar("email", 256);

    public ReachableUsers() { super("reachable_users"); }

    @Override protected Statement definition() {
      return Detached.builders().select(USERS.id, USERS.fullName, USERS.email).from(USERS)
          .where(and(isNotNull(USERS.email), ne(USERS.fullName, HOSTILE))).query();
    }
  }

  public record CityPlace(Integer cityId, String city, String country) {}

  /** Cities with their country's name: a view over a join, read by a later view. */
  public static final class CityPlaces extends View<CityPlace> {
    public final Column<Integer> cityId = integer("city_id");
    public final Column<String> city = varchar("city", 256);
    public final Column<String> country = varchar("country", 256);

    public CityPlaces() { super("city_places"); }

    @Override protected Statement definition() {
      return Detached.builders().select(CITIES.id, CITIES.name, COUNTRIES.name).from(CITIES)
          .join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id)).query();
    }
  }

  public record Summary(String country, Long cities) {}

  /** Cities per country, read from the {@link CityPlaces} view. */
  public static final class CountrySummaries extends View<Summary> {
    public final Column<String> country = varchar("country", 256);
    public final Column<Long> cities = bigint("cities");

    public CountrySummaries() { super("country_summaries"); }

    @Override protected Statement definition() {
      return Detached.builders().select(CITY_PLACES.country, count()).from(CITY_PLACES)
          .groupBy(CITY_PLACES.country).query();
    }
  }

  /** A materialized view (PostgreSQL only). */
  public static final class ReachableSnapshot extends View<Reachable> {
    public final Column<Integer> id = integer("id");
    public final Column<String> fullName = varchar("full_name", 256);
    public final Column<String> email = varchar("email", 256);

    public ReachableSnapshot() { super("reachable_snapshot", true); }

    @Override protected Statement definition() {
      return Detached.builders().select(USERS.id, USERS.fullName, USERS.email).from(USERS)
          .where(isNotNull(USERS.email)).query();
    }
  }

  public static final ReachableUsers REACHABLE = new ReachableUsers();
  public static final CityPlaces CITY_PLACES = new CityPlaces();
  public static final CountrySummaries SUMMARIES = new CountrySummaries();
  public static final ReachableSnapshot SNAPSHOT = new ReachableSnapshot();
}
