package dev.sluice.r2dbc.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DecimalCollationTest {

    @Test
    void comparesDecimalTextByValue() {
        assertThat(DecimalCollation.compare("9.50", "10.00")).isNegative();
        assertThat(DecimalCollation.compare("-20", "-3")).isNegative();
        assertThat(DecimalCollation.compare("1.5", "1.50")).isZero();
        assertThat(DecimalCollation.compare("-0.00", "0")).isZero();
        assertThat(DecimalCollation.compare("007", "7.000")).isZero();
        assertThat(DecimalCollation.compare(".5", "0.4")).isPositive();
        assertThat(DecimalCollation.compare("1E+3", "999.9")).isPositive();
        assertThat(DecimalCollation.compare("abc", "1e300")).as("text after numbers").isPositive();
        assertThat(DecimalCollation.compare("abc", "abd")).isNegative();
    }

    /** Agrees with BigDecimal on random plain decimals of up to 38 digits, both signs. */
    @Test
    void agreesWithBigDecimal() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal a = random(random);
            BigDecimal b = random.nextInt(10) == 0 ? a.setScale(a.scale() + 2) : random(random);
            assertThat(Integer.signum(DecimalCollation.compare(a.toPlainString(), b.toPlainString())))
                .as(a + " vs " + b).isEqualTo(a.compareTo(b));
        }
    }

    private static BigDecimal random(Random random) {
        StringBuilder digits = new StringBuilder();
        int n = 1 + random.nextInt(38);
        for (int i = 0; i < n; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        BigDecimal v = new BigDecimal(new java.math.BigInteger(digits.toString()), random.nextInt(n + 1));
        return random.nextBoolean() ? v.negate() : v;
    }

    /** Every connection has the collation: a DECIMAL_TEXT column keeps exact text and sorts by value. */
    @Test
    void aDecimalTextColumnIsExactAndSortsByValue() {
        SqliteConnectionFactory factory = new SqliteConnectionFactory(
            SqliteConnectionConfiguration.builder().inMemory().build());
        List<String> values = List.of("10.00", "9.50", "-3.00", "-20.00", "1234567890123456789012345678.0123456789");
        List<BigDecimal> read = Mono.usingWhen(factory.create(), c -> run(c, "CREATE TABLE t (v DECIMAL_TEXT(38, 10) COLLATE DECIMAL)")
                .thenMany(Flux.fromIterable(values).concatMap(v -> Flux.from(c.createStatement("INSERT INTO t VALUES (?)")
                    .bind(0, new BigDecimal(v)).execute()).concatMap(r -> r.getRowsUpdated())))
                .thenMany(Flux.from(c.createStatement("SELECT v FROM t WHERE v > ? ORDER BY v").bind(0, -5).execute())
                    .concatMap(r -> r.map((row, meta) -> (BigDecimal) row.get(0))))
                .collectList(), Connection::close)
            .block();
        assertThat(read).containsExactly(new BigDecimal("-3.00"), new BigDecimal("9.50"), new BigDecimal("10.00"),
            new BigDecimal("1234567890123456789012345678.0123456789"));
    }

    private static Mono<Void> run(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()).then();
    }
}
