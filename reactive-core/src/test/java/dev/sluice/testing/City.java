package dev.sluice.testing;

public record City(Integer id, String name, Integer countryId, Popularity popularity) {}
