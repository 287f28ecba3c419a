package dev.sluice.examples.quickstart;

import java.time.OffsetDateTime;

/** The row records of the quick-start schema. */
public final class Rows {
  private Rows() {}

  public record Country(Integer id, String name) {}

  public record City(Integer id, String name, Integer countryId, Popularity popularity) {}

  public record User(Integer id, String fullName, String phone, OffsetDateTime createdAt) {}

  public record ChatGroup(Integer id, String name) {}

  public record Membership(Integer userId, Integer groupId) {}

  public record Reading(Long id, Integer cityId, Double celsius) {}

  /** A user with the chat groups loaded through the many-to-many relation. */
  public record UserWithGroups(String fullName, java.util.List<ChatGroup> groups) {}

  /** A row of the common table {@code city_counts}. */
  public record CityCount(Integer countryId, Long cities) {}

  /** A partial select mapped through its constructor. */
  public record CityName(Integer id, String name) {}
}
