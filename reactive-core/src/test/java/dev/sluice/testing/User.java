package dev.sluice.testing;

import java.time.OffsetDateTime;

public record User(Integer id, String fullName, String phone, String email, OffsetDateTime createdAt) {}
