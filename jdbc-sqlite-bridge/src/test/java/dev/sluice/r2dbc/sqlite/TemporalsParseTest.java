package dev.sluice.r2dbc.sqlite;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading date/time text directly gives exactly what {@code LocalDate.parse}/{@code LocalTime.parse} give. */
class TemporalsParseTest {

    @Test
    void everyFractionLengthAndRandomValuesReadAsTheJavaTimeParsersReadThem() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                continue;
            }
            String time = String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            int digits = i % 10;
            if (digits > 0) {
                StringBuilder fraction = new StringBuilder(".");
                for (int d = 0; d < digits; d++) {
                    fraction.append((char) ('0' + random.nextInt(10)));
                }
                time += fraction;
            }
            String text = date + " " + time;
            LocalDateTime expected = LocalDate.parse(date.toString()).atTime(LocalTime.parse(time));
            assertThat(Temporals.parseDateTime(text)).as(text).isEqualTo(expected);
            assertThat(Temporals.parseTime(time)).as(time).isEqualTo(LocalTime.parse(time));
            assertThat(Temporals.parseDate(date.toString())).isEqualTo(date);
        }
    }

    @Test
    void knownValuesToTheNanosecond() {
        assertThat(Temporals.parseDateTime("2024-05-01 13:45:30.5"))
            .isEqualTo(LocalDateTime.of(2024, 5, 1, 13, 45, 30, 500_000_000));
        assertThat(Temporals.parseDateTime("0000-01-01 00:00:00.000000001"))
            .isEqualTo(LocalDateTime.of(0, 1, 1, 0, 0, 0, 1));
        assertThat(Temporals.parseOffsetDateTime("2024-05-01 09:00:00+02:00"))
            .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(Temporals.parseOffsetDateTime("2024-05-01 09:00:00.25Z"))
            .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 250_000_000, ZoneOffset.UTC));
        assertThat(Temporals.parseOffsetDateTime("2024-05-01 09:00:00")).as("no offset: UTC")
            .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Temporals.parseOffsetDateTime("2024-05-01 09:00:00-05:30"))
            .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
        assertThat(Temporals.parseTime("2024-05-01 09:00:00.5+02:00")).isEqualTo(LocalTime.of(9, 0, 0, 500_000_000));
        assertThat(Temporals.parseTime("23:59:59.999999999")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_999));
    }

    @Test
    void impossibleValuesFailAsBeforeAndOtherLayoutsStillRead() {
        assertThatThrownBy(() -> Temporals.parseDate("2023-02-29")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.parseDate("2024-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.parseTime("24:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.parseTime("12:60:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.parseTime("12:00:00.1234567890")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.parseDate("2024-1a-01")).isInstanceOf(DateTimeException.class);
        assertThat(Temporals.parseTime("12:00:00.")).as("a point without digits: as java.time reads it")
            .isEqualTo(LocalTime.parse("12:00:00.")).isEqualTo(LocalTime.NOON);
        assertThat(Temporals.parseTime("10:15")).as("no seconds: the java.time parser").isEqualTo(LocalTime.of(10, 15));
        assertThat(Temporals.parseDateTime("2024-05-01T10:15:30")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30));
    }
}
