package dev.sluice.bench;

import java.time.OffsetDateTime;

/** The benchmark row: five columns of mixed types (int, text, bigint, timestamptz, boolean). */
public record Item(Integer id, String name, Long qty, OffsetDateTime createdAt, Boolean active) {}
