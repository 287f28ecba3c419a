package dev.sluice.sql;

/** A boolean predicate, built with the functions of {@link dev.sluice.query.Dsl}. */
public sealed interface Condition extends SqlNode
    permits Comparison, Logical, Not, NullCheck, InList, Between, Like, Exists, InSubquery,
    RawSql, JsonCondition {
}
