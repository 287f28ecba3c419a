package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement. Markers {@code ?}, {@code ?NNN}, {@code $n}, {@code :name}, {@code @name}, {@code $name} may be
 * bound by zero-based index or by name ({@code "$1"}, {@code ":name"} or {@code "name"}). Each binding added with
 * {@link #add()} yields one {@link io.r2dbc.spi.Result}; a compound SQL text ({@code SELECT 1; SELECT 2}) yields
 * one result per statement. Execution stops at the first failing statement, whose result carries the error.
 */
final class SqliteStatement implements Statement {

    private static final Object[] NO_VALUES = new Object[0];

    private final SqliteConnection connection;
    private final ParsedSql parsed;
    private final List<Object[]> bindings = new ArrayList<>();
    private Object[] current;
    private String returning;
    private int fetchSize;

    SqliteStatement(SqliteConnection connection, ParsedSql parsed) {
        this.connection = connection;
        this.parsed = parsed;
    }

    @Override
    public SqliteStatement add() {
        Object[] binding = current != null ? current : new Object[parsed.parameterCount()];
        checkComplete(binding);
        bindings.add(binding);
        current = null;
        return this;
    }

    @Override
    public SqliteStatement bind(int index, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; use bindNull");
        }
        checkIndex(index);
        Object v = value;
        if (value instanceof Parameter) {
            Parameter parameter = (Parameter) value;
            v = parameter.getValue() != null ? parameter.getValue() : BoundNull.INSTANCE;
        }
        if (v != BoundNull.INSTANCE && !ValueEncoder.isSupported(v)) {
            throw new IllegalArgumentException("Cannot bind a value of type " + v.getClass().getName());
        }
        binding()[index] = v;
        return this;
    }

    @Override
    public SqliteStatement bind(String name, Object value) {
        return bind(indexOf(name), value);
    }

    @Override
    public SqliteStatement bindNull(int index, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        checkIndex(index);
        binding()[index] = BoundNull.INSTANCE;
        return this;
    }

    @Override
    public SqliteStatement bindNull(String name, Class<?> type) {
        return bindNull(indexOf(name), type);
    }

    /** Appends {@code RETURNING cols} (or {@code RETURNING *} when no column is named) to the last statement. */
    @Override
    public SqliteStatement returnGeneratedValues(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null");
        }
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("column names must not be empty");
            }
        }
        this.returning = columns.length == 0 ? "*" : String.join(", ", columns);
        return this;
    }

    /** Sets how many rows are read per scheduled task at most (they are never read ahead of demand). */
    @Override
    public SqliteStatement fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetch size must not be negative");
        }
        this.fetchSize = rows;
        return this;
    }

    @Override
    public Flux<SqliteResult> execute() {
        if (bindings.isEmpty() && returning == null && parsed.units().size() == 1) {
            Object[] only = current;
            if (parsed.parameterCount() > 0) {
                if (only == null) {
                    throw new IllegalStateException("No parameters bound");
                }
                checkComplete(only);
            } else {
                only = NO_VALUES;
            }
            if (!hasLobs(only)) {
                // the common case: one statement, one binding, no copies of the lists
                return connection.execute(parsed.units().get(0), only, fetchSize).flux();
            }
        }
        List<Object[]> all = new ArrayList<>(bindings);
        if (parsed.parameterCount() > 0) {
            if (current == null) {
                throw new IllegalStateException(bindings.isEmpty() ? "No parameters bound"
                    : "Statement ends with add(): the last binding is empty");
            }
            checkComplete(current);
            all.add(current);
        } else if (all.isEmpty() || current != null) {
            all.add(new Object[0]);
        }
        List<ParsedSql.Unit> units = new ArrayList<>(parsed.units());
        if (returning != null && !units.isEmpty()) {
            int last = units.size() - 1;
            units.set(last, units.get(last).withReturning(returning));
        }
        int rows = fetchSize;
        if (all.size() == 1 && units.size() == 1 && !hasLobs(all.get(0))) {
            return connection.execute(units.get(0), all.get(0), rows).flux(); // the common case, with less plumbing
        }
        return Flux.fromIterable(all)
            .concatMap(binding -> resolveLobs(binding).flatMapMany(values -> Flux.fromIterable(units)
                .concatMap(unit -> connection.execute(unit, values, rows))))
            .takeUntil(SqliteResult::isError);
    }

    private Object[] binding() {
        if (current == null) {
            current = new Object[parsed.parameterCount()];
        }
        return current;
    }

    private int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        return parsed.indexOf(name);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= parsed.parameterCount()) {
            throw new IndexOutOfBoundsException("Parameter index " + index + " out of range [0, "
                + parsed.parameterCount() + ") in: " + parsed.sql());
        }
    }

    private void checkComplete(Object[] binding) {
        for (int i = 0; i < binding.length; i++) {
            if (binding[i] == null && parsed.isReferenced(i)) {
                throw new IllegalStateException("Parameter " + i + " is not bound in: " + parsed.sql());
            }
        }
    }

    private static boolean hasLobs(Object[] binding) {
        for (Object value : binding) {
            if (value instanceof Clob || value instanceof Blob) {
                return true;
            }
        }
        return false;
    }

    private static Mono<Object[]> resolveLobs(Object[] binding) {
        if (!hasLobs(binding)) {
            return Mono.just(binding);
        }
        Object[] copy = binding.clone();
        return Flux.range(0, copy.length)
            .concatMap(i -> {
                if (copy[i] instanceof Clob) {
                    return Flux.from(((Clob) copy[i]).stream())
                        .collect(StringBuilder::new, StringBuilder::append)
                        .doOnNext(text -> copy[i] = text.toString());
                }
                if (copy[i] instanceof Blob) {
                    return Flux.from(((Blob) copy[i]).stream())
                        .collect(ByteArrayOutputStream::new, SqliteStatement::append)
                        .doOnNext(bytes -> copy[i] = bytes.toByteArray());
                }
                return Mono.empty();
            })
            .then(Mono.just(copy));
    }

    private static void append(ByteArrayOutputStream out, ByteBuffer buffer) {
        ByteBuffer slice = buffer.duplicate();
        byte[] bytes = new byte[slice.remaining()];
        slice.get(bytes);
        out.write(bytes, 0, bytes.length);
    }
}
