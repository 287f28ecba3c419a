package dev.sluice.testing;

public record ChatGroup(Integer id, String name) {}
