package dev.sluice.testing;

public record Comment(Integer id, Integer postId, String body) {}
