package dev.sluice.testing;

public record Country(Integer id, String name) {}
