package dev.sluice.r2dbc.sqlite;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Date/time values are stored as ISO-8601 text in the layout SQLite's own date functions produce and accept:
 * {@code 2024-05-01}, {@code 13:45:30.5}, {@code 2024-05-01 13:45:30.123456}. A point in time
 * ({@code OffsetDateTime}, {@code ZonedDateTime}, {@link Instant}) is stored as its UTC date and time, without an
 * offset, as {@code datetime('now')} and {@code CURRENT_TIMESTAMP} write it: {@code 11:00+02:00} is stored as
 * {@code 2024-05-01 09:00:00}. Fractional seconds are written with as many digits as needed (none when zero), so
 * the text of two values sorts and compares as the values do, and one instant always has one text whatever offset
 * it was given with; the offset itself is not kept (as PostgreSQL's {@code timestamptz} does not keep it).
 *
 * <p>Parsing accepts both a {@code T} and a space between date and time and a trailing offset ({@code Z},
 * {@code +02:00}), as older versions of the bridge wrote points in time, so such files still read correctly; text
 * without an offset is read as UTC when an {@link OffsetDateTime} or {@link Instant} is asked for.
 */
final class Temporals {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
        .appendPattern("HH:mm:ss")
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .toFormatter();

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral(' ')
        .append(TIME)
        .toFormatter();

    private Temporals() {
    }

    static boolean isTemporal(Object value) {
        return value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
            || value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant
            || value instanceof OffsetTime;
    }

    static String format(Object value) {
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalTime) {
            return TIME.format((LocalTime) value);
        }
        if (value instanceof LocalDateTime) {
            return DATE_TIME.format((LocalDateTime) value);
        }
        if (value instanceof OffsetDateTime) {
            return DATE_TIME.format(((OffsetDateTime) value).atZoneSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof ZonedDateTime) {
            return DATE_TIME.format(((ZonedDateTime) value).withZoneSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof Instant) {
            return DATE_TIME.format(((Instant) value).atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetTime) {
            OffsetTime time = (OffsetTime) value;
            return TIME.format(time) + time.getOffset().getId();
        }
        throw new IllegalArgumentException("Not a date/time value: " + value);
    }

    static LocalDate parseDate(String text) {
        String t = text.trim();
        return date(t, 0, Math.min(10, t.length()));
    }

    static LocalTime parseTime(String text) {
        String t = text.trim();
        int from = t.length() > 10 && t.charAt(4) == '-' ? 11 : 0;
        return time(t, from, offsetStart(t, from));
    }

    static LocalDateTime parseDateTime(String text) {
        String t = text.trim();
        return dateTime(t, t.length() <= 10 ? t.length() : offsetStart(t, 11));
    }

    static OffsetDateTime parseOffsetDateTime(String text) {
        String t = text.trim();
        if (t.length() <= 10) {
            return dateTime(t, t.length()).atOffset(ZoneOffset.UTC);
        }
        int offset = offsetStart(t, 11);
        LocalDateTime local = dateTime(t, offset);
        if (offset == t.length() || offset == t.length() - 1 && t.charAt(offset) == 'Z') {
            return local.atOffset(ZoneOffset.UTC);
        }
        return local.atOffset(ZoneOffset.of(t.substring(offset).trim()));
    }

    /** A trimmed date, or date and time, text whose time ends at {@code timeEnd} (where an offset may start). */
    private static LocalDateTime dateTime(String t, int timeEnd) {
        LocalDate date = date(t, 0, Math.min(10, t.length()));
        if (t.length() <= 10) {
            return date.atStartOfDay();
        }
        return date.atTime(time(t, 11, timeEnd));
    }

    /**
     * {@code LocalDate.parse} of {@code t} from {@code from} to {@code to}, with the layout the bridge writes
     * ({@code yyyy-MM-dd}) read in place: the same value or the same kind of error ({@code DateTimeException})
     * for an impossible date; any other text goes to {@code LocalDate.parse}.
     */
    private static LocalDate date(String t, int from, int to) {
        if (to - from == 10 && t.charAt(from + 4) == '-' && t.charAt(from + 7) == '-' && digits(t, from, from + 4)
            && digits(t, from + 5, from + 7) && digits(t, from + 8, to)) {
            return LocalDate.of(number(t, from, from + 4), number(t, from + 5, from + 7), number(t, from + 8, to));
        }
        return LocalDate.parse(t.substring(from, to));
    }

    /**
     * {@code LocalTime.parse} of {@code t} from {@code from} to {@code to}, with the layout the bridge writes
     * ({@code HH:mm:ss} and 1 to 9 fraction digits) read in place: the same value or the same kind of error for
     * an impossible time; any other text goes to {@code LocalTime.parse}.
     */
    private static LocalTime time(String t, int from, int to) {
        int length = to - from;
        if (length >= 8 && t.charAt(from + 2) == ':' && t.charAt(from + 5) == ':' && digits(t, from, from + 2)
            && digits(t, from + 3, from + 5) && digits(t, from + 6, from + 8)
            && (length == 8 || length >= 10 && length <= 18 && t.charAt(from + 8) == '.'
            && digits(t, from + 9, to))) {
            int nanos = 0;
            for (int i = from + 9; i < from + 18; i++) {
                nanos = nanos * 10 + (i < to ? t.charAt(i) - '0' : 0);
            }
            return LocalTime.of(number(t, from, from + 2), number(t, from + 3, from + 5),
                number(t, from + 6, from + 8), nanos);
        }
        return LocalTime.parse(t.substring(from, to));
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (t.charAt(i) - '0');
        }
        return n;
    }

    /**
     * Index in {@code text} where a trailing offset ({@code Z}, {@code +hh:mm}, {@code -hh:mm}) of the time
     * starting at {@code from} starts, or the text's length.
     */
    private static int offsetStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                return i;
            }
            if (c == ' ' && i + 1 < text.length()) {
                return i;
            }
        }
        return text.length();
    }
}
