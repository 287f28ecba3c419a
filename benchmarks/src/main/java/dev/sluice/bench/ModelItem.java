package dev.sluice.bench;

import java.time.OffsetDateTime;

/** The row of {@link ModelItems}: {@link Item}'s five columns, then {@code updated_at} and {@code deleted_at}. */
public record ModelItem(Integer id, String name, Long qty, OffsetDateTime createdAt, Boolean active,
    OffsetDateTime updatedAt, OffsetDateTime deletedAt) {}
