package dev.sluice.testing;

public record Membership(Integer userId, Integer groupId) {}
