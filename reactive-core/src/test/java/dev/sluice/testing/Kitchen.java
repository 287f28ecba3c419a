package dev.sluice.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One value of every column kind. */
public record Kitchen(Long id, Short small, Integer medium, Long big, Boolean flag, String code,
                      String body, BigDecimal amount, Float ratio, Double score, LocalDate day,
                      LocalTime clock, LocalDateTime stamp, OffsetDateTime stampTz, UUID uid,
                      String doc, byte[] payload, Popularity popularity, Money price) {}
