package dev.sluice.r2dbc.sqlite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedSqlCacheTest {

    @Test
    void returnsTheEarlierParseOfTheSameText() {
        ParsedSqlCache cache = new ParsedSqlCache(4);
        ParsedSql first = cache.parse("SELECT * FROM t WHERE a = :a");
        assertThat(cache.parse("SELECT * FROM t WHERE a = :a")).isSameAs(first);
        assertThat(cache.parse("SELECT * FROM t WHERE a = :b")).isNotSameAs(first);
        assertThat(first.units().get(0).sql()).isEqualTo("SELECT * FROM t WHERE a = ?1");
    }

    @Test
    void isBoundedAndForgetsTheLeastRecentlyUsed() {
        ParsedSqlCache cache = new ParsedSqlCache(2);
        ParsedSql a = cache.parse("SELECT 'a'");
        cache.parse("SELECT 'b'");
        cache.parse("SELECT 'a'");
        cache.parse("SELECT 'c'");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.parse("SELECT 'a'")).isSameAs(a);
    }

    @Test
    void keepsNeitherLongTextsNorFailures() {
        ParsedSqlCache cache = new ParsedSqlCache(4);
        String longSql = "SELECT 1" + " ".repeat(StatementCache.MAX_SQL_LENGTH);
        assertThat(cache.parse(longSql)).isNotSameAs(cache.parse(longSql));
        assertThatThrownBy(() -> cache.parse("SELECT ?x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.size()).isZero();
        ParsedSqlCache none = new ParsedSqlCache(0);
        assertThat(none.parse("SELECT 1")).isNotSameAs(none.parse("SELECT 1"));
    }
}
