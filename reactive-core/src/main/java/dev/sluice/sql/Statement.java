package dev.sluice.sql;

/** A whole SQL statement. */
public sealed interface Statement extends SqlNode
    permits SelectQuery, InsertQuery, UpdateQuery, DeleteQuery, CompoundSelect,
    InsertSelect, RawStatement, CountQuery {
}
