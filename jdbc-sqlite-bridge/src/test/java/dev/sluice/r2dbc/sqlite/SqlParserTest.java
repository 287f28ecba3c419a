package dev.sluice.r2dbc.sqlite;

import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlParserTest {

    @Test
    void rewritesAllMarkerStylesToNumbered() {
        ParsedSql parsed = SqlParser.parse("SELECT ?, ?5, :name, @other, $named, :name, $2 FROM t");
        assertThat(parsed.units()).hasSize(1);
        assertThat(parsed.units().get(0).sql()).isEqualTo("SELECT ?1, ?5, ?6, ?7, ?8, ?6, ?2 FROM t");
        assertThat(parsed.parameterCount()).isEqualTo(8);
        assertThat(parsed.indexOf(":name")).isEqualTo(5);
        assertThat(parsed.indexOf("name")).isEqualTo(5);
        assertThat(parsed.indexOf("@other")).isEqualTo(6);
        assertThat(parsed.indexOf("$named")).isEqualTo(7);
        assertThat(parsed.indexOf("$2")).isEqualTo(1);
        assertThat(parsed.indexOf("?5")).isEqualTo(4);
        assertThat(parsed.isReferenced(2)).isFalse();
        assertThatThrownBy(() -> parsed.indexOf("missing")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void ignoresMarkersInLiteralsIdentifiersAndComments() {
        ParsedSql parsed = SqlParser.parse(
            "SELECT '?', 'it''s $1', \"a?b\", [c:d], `e@f`, json_extract(x, '$.a') -- what? :x\n FROM t /* ? */ WHERE a = ?");
        assertThat(parsed.parameterCount()).isEqualTo(1);
        assertThat(parsed.units().get(0).sql()).endsWith("WHERE a = ?1").contains("'$.a'", "-- what? :x");
    }

    @Test
    void splitsCompoundStatementsButNotTriggerBodies() {
        ParsedSql parsed = SqlParser.parse("CREATE TABLE t(x); CREATE TRIGGER tr AFTER INSERT ON t BEGIN "
            + "UPDATE t SET x = x + 1; DELETE FROM t WHERE x > 9; END; INSERT INTO t VALUES (1);; -- done\n");
        assertThat(parsed.units()).extracting(ParsedSql.Unit::sql).containsExactly(
            "CREATE TABLE t(x)",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = x + 1; DELETE FROM t WHERE x > 9; END",
            "INSERT INTO t VALUES (1)");
        assertThat(parsed.units()).extracting(ParsedSql.Unit::dml).containsExactly(false, false, true);
        assertThat(parsed.units()).extracting(ParsedSql.Unit::kind)
            .containsExactly(ParsedSql.Kind.OTHER, ParsedSql.Kind.OTHER, ParsedSql.Kind.CACHEABLE);
    }

    @Test
    void classifiesStatementsForTheStatementCache() {
        ParsedSql parsed = SqlParser.parse("select 1; WITH x AS (SELECT 1) SELECT * FROM x; values (1); "
            + "replace into t values (1); update t set a = 1; delete from t; begin immediate; savepoint s; "
            + "release s; rollback to s; commit; end; pragma foreign_keys = on; alter table t add c; drop table t; "
            + "attach 'x.db' as x; vacuum");
        assertThat(parsed.units()).extracting(ParsedSql.Unit::kind).containsExactly(
            ParsedSql.Kind.CACHEABLE, ParsedSql.Kind.CACHEABLE, ParsedSql.Kind.CACHEABLE, ParsedSql.Kind.CACHEABLE,
            ParsedSql.Kind.CACHEABLE, ParsedSql.Kind.CACHEABLE, ParsedSql.Kind.TRANSACTION_START,
            ParsedSql.Kind.TRANSACTION_START, ParsedSql.Kind.TRANSACTION_END, ParsedSql.Kind.TRANSACTION_END,
            ParsedSql.Kind.TRANSACTION_END, ParsedSql.Kind.TRANSACTION_END, ParsedSql.Kind.OTHER, ParsedSql.Kind.OTHER,
            ParsedSql.Kind.OTHER, ParsedSql.Kind.OTHER, ParsedSql.Kind.OTHER);
    }

    @Test
    void numbersParametersPerStatementOfACompound() {
        ParsedSql parsed = SqlParser.parse("INSERT INTO t VALUES (?); SELECT * FROM t WHERE x = ?");
        assertThat(parsed.units().get(0).parameterIndexes()).containsExactly(0);
        assertThat(parsed.units().get(1).parameterIndexes()).containsExactly(1);
        assertThat(parsed.units().get(1).sql()).isEqualTo("SELECT * FROM t WHERE x = ?2");
    }

    @Test
    void returningIsAppendedOnANewLine() {
        ParsedSql.Unit unit = SqlParser.parse("INSERT INTO t VALUES (1) -- note").units().get(0);
        assertThat(unit.withReturning("*").sql()).isEqualTo("INSERT INTO t VALUES (1) -- note\nRETURNING *");
    }
}
