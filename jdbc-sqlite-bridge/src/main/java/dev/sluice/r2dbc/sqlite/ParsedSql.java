package dev.sluice.r2dbc.sqlite;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of {@link SqlParser#parse(String)}: the SQL split into single statements whose parameter markers
 * have all been rewritten to SQLite's numbered form {@code ?N}, plus the information needed to bind by
 * zero-based index or by name.
 */
final class ParsedSql {

    /** What a statement does, as far as the statement cache is concerned (from its first keyword). */
    enum Kind {
        /** {@code SELECT}, {@code VALUES}, {@code WITH}, {@code INSERT}, {@code UPDATE}, {@code DELETE},
         * {@code REPLACE}: worth keeping prepared. */
        CACHEABLE,
        /** {@code BEGIN}, {@code SAVEPOINT}: neither cached nor able to change the schema. */
        TRANSACTION_START,
        /** {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code RELEASE}: may publish or undo a schema change. */
        TRANSACTION_END,
        /** Anything else ({@code CREATE}, {@code DROP}, {@code ALTER}, {@code PRAGMA}, {@code ATTACH}, ...):
         * treated as a schema change. */
        OTHER;

        static Kind of(String firstKeyword) {
            switch (firstKeyword) {
                case "SELECT": case "VALUES": case "WITH": case "INSERT": case "UPDATE": case "DELETE": case "REPLACE":
                    return CACHEABLE;
                case "BEGIN": case "SAVEPOINT":
                    return TRANSACTION_START;
                case "COMMIT": case "END": case "ROLLBACK": case "RELEASE":
                    return TRANSACTION_END;
                default:
                    return OTHER;
            }
        }
    }

    /** One single SQL statement of a (possibly compound) SQL string. */
    record Unit(String sql, int[] parameterIndexes, boolean dml, Kind kind) {

        /** Returns a copy of this unit with {@code RETURNING ...} appended. */
        Unit withReturning(String columns) {
            return new Unit(sql + "\nRETURNING " + columns, parameterIndexes, dml, kind);
        }
    }

    private final String sql;
    private final List<Unit> units;
    private final int parameterCount;
    private final BitSet referenced;
    private final Map<String, Integer> names;

    ParsedSql(String sql, List<Unit> units, int parameterCount, BitSet referenced, Map<String, Integer> names) {
        this.sql = sql;
        this.units = List.copyOf(units);
        this.parameterCount = parameterCount;
        this.referenced = referenced;
        this.names = Map.copyOf(names);
    }

    String sql() {
        return sql;
    }

    List<Unit> units() {
        return units;
    }

    /** Number of parameter slots (the largest parameter number used, as SQLite counts them). */
    int parameterCount() {
        return parameterCount;
    }

    /** Whether the zero-based parameter {@code index} occurs in the SQL. */
    boolean isReferenced(int index) {
        return referenced.get(index);
    }

    /** Resolves a parameter name ({@code :a}, {@code a}, {@code $1}, {@code ?2}, ...) to its zero-based index. */
    int indexOf(String name) {
        Integer index = names.get(name);
        if (index == null) {
            throw new NoSuchElementException("Unknown parameter name '" + name + "' in: " + sql);
        }
        return index;
    }
}
