package dev.sluice.testing;

public record Post(Integer id, Integer authorId, String title) {}
