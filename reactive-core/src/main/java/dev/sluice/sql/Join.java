package dev.sluice.sql;

import dev.sluice.schema.Table;

/**
 * {@code type JOIN table ON on}.
 *
 * @param type  the kind of join
 * @param table the joined table (possibly an alias)
 * @param on    the join condition, null for a cross join
 */
public record Join(JoinType type, Table<?> table, Condition on) {}
