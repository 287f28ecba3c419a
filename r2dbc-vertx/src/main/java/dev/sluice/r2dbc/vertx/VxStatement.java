package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A statement with PostgreSQL's {@code $1, $2, ...} markers (bound by index from 0, or by the name {@code "$1"}).
 * Without parameters it runs with the simple protocol. With one binding its rows are read by cursor as they are
 * asked for ({@link CursorRows}); several bindings ({@link #add()}) run as pipelined batches (one per run of
 * bindings with the same parameter types), their results read whole, a {@link Result} each, so that the results
 * of one execution never share the connection's cursor.
 *
 * <p>A fetch size of {@link #ALL_AT_ONCE} asks for every row in one fetch, so no cursor is needed: the statement
 * (with or without parameters) runs once as a cached prepared statement, its result read whole, and outside a
 * transaction no {@code BEGIN}/{@code COMMIT} is sent. It is meant for results the caller knows are small (a
 * lookup by key, a {@code LIMIT}, a count).
 */
final class VxStatement implements Statement {
    /** The fetch size that reads a result in one execution, without cursor or transaction: {@value}. */
    static final int ALL_AT_ONCE = Integer.MAX_VALUE;

    private final VxConnection connection;
    private final String sql;
    private final int parameters;
    private final List<Object[]> bindings = new ArrayList<>();
    private Object[] current;
    private String[] generated;
    private int fetchSize;

    VxStatement(VxConnection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
        this.parameters = Markers.count(sql);
    }

    @Override
    public VxStatement add() {
        bindings.add(complete(current));
        current = null;
        return this;
    }

    @Override
    public VxStatement bind(int index, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Bind null with bindNull(index, type), not bind(index, null)");
        }
        Object v = value instanceof Parameter p ? p.getValue() : value;
        if (v == null) {
            return bindNull(index, ((Parameter) value).getType().getJavaType());
        }
        if (!Binds.isNative(v) && !(v instanceof Blob) && !(v instanceof Clob)) {
            v = Binds.value(v, "parameter $" + (index + 1));
        }
        slot(index)[index] = v;
        return this;
    }

    @Override
    public VxStatement bind(String name, Object value) {
        return bind(index(name), value);
    }

    @Override
    public VxStatement bindNull(int index, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("bindNull needs the type of the parameter");
        }
        slot(index)[index] = Binds.nullOf(type);
        return this;
    }

    @Override
    public VxStatement bindNull(String name, Class<?> type) {
        return bindNull(index(name), type);
    }

    @Override
    public VxStatement returnGeneratedValues(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("returnGeneratedValues needs column names (none for all), not null");
        }
        this.generated = columns.clone();
        return this;
    }

    @Override
    public VxStatement fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("The fetch size must not be negative, was " + rows);
        }
        this.fetchSize = rows;
        return this;
    }

    @Override
    public Flux<Result> execute() {
        String text = withReturning();
        if (parameters == 0) {
            if (!bindings.isEmpty() || current != null) {
                return Flux.error(new IllegalStateException("The statement has no parameters but values were bound: " + sql));
            }
            if (fetchSize == ALL_AT_ONCE) {
                return connection.once(text, Tuple.tuple());
            }
            return fetchSize > 0 ? connection.cursor(text, Tuple.tuple(), fetchSize) : connection.simple(text);
        }
        if (bindings.isEmpty() && current != null && plain(current)) {
            // one binding of values known now (no Blob or Clob to read first): no operators to resolve or group
            Object[] values = complete(current);
            String typed = connection.typed(text, ParameterTypes.of(values));
            Tuple tuple = tuple(values);
            return fetchSize == ALL_AT_ONCE ? connection.once(typed, tuple)
                : connection.cursor(typed, tuple, fetchSize);
        }
        List<Object[]> all = new ArrayList<>(bindings);
        if (current != null) {
            all.add(complete(current));
        } else if (!all.isEmpty()) {
            return Flux.error(new IllegalStateException("add() was called after the last binding of: " + sql));
        } else {
            return Flux.error(new IllegalStateException("No values bound for the " + parameters
                + " parameter(s) of: " + sql));
        }
        return Flux.fromIterable(all)
            .concatMap(VxStatement::resolve)
            .bufferUntilChanged(b -> java.util.Arrays.asList(b.types()))
            .concatMap(group -> all.size() == 1 && fetchSize != ALL_AT_ONCE
                ? connection.cursor(connection.typed(text, group.get(0).types()), group.get(0).tuple(), fetchSize)
                : connection.prepared(connection.typed(text, group.get(0).types()),
                    group.stream().map(Typed::tuple).toList()));
    }

    /** One binding's values and their declared types; bindings of the same types share one batch. */
    private record Typed(Tuple tuple, String[] types) {
    }

    private String withReturning() {
        if (generated == null || sql.toUpperCase(Locale.ROOT).contains("RETURNING")) {
            return sql;
        }
        return sql + " RETURNING " + (generated.length == 0 ? "*" : String.join(", ", generated));
    }

    /** A binding as a tuple, its Blob and Clob values read first. */
    private static Mono<Typed> resolve(Object[] values) {
        List<Mono<Object>> reads = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            int at = i;
            if (values[i] instanceof Blob b) {
                reads.add(Flux.from(b.stream()).collectList().map(parts -> {
                    Buffer buffer = Buffer.buffer();
                    for (ByteBuffer part : parts) {
                        byte[] bytes = new byte[part.remaining()];
                        part.get(bytes);
                        buffer.appendBytes(bytes);
                    }
                    values[at] = buffer;
                    return buffer;
                }));
            } else if (values[i] instanceof Clob c) {
                reads.add(Flux.from(c.stream()).reduce(new StringBuilder(), StringBuilder::append).map(sb -> {
                    values[at] = sb.toString();
                    return values[at];
                }));
            }
        }
        return Flux.concat(reads).then(Mono.fromSupplier(() -> new Typed(tuple(values), ParameterTypes.of(values))));
    }

    /** Whether no value of {@code values} must be read before it is sent. */
    private static boolean plain(Object[] values) {
        for (Object v : values) {
            if (v instanceof Blob || v instanceof Clob) {
                return false;
            }
        }
        return true;
    }

    /** The values as Vert.x sends them: a value sent as text ({@link Binds.Text}) as that text. */
    private static Tuple tuple(Object[] values) {
        Object[] sent = values.clone();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] instanceof Binds.Text t) {
                sent[i] = t.text;
            }
        }
        return Tuple.wrap(sent);
    }

    private Object[] slot(int index) {
        if (index < 0 || index >= parameters) {
            throw new IndexOutOfBoundsException("Parameter index " + index + " is not in 0.." + (parameters - 1)
                + " for: " + sql);
        }
        if (current == null) {
            current = new Object[parameters];
        }
        return current;
    }

    private Object[] complete(Object[] values) {
        if (values == null) {
            throw new IllegalStateException("No values bound for the " + parameters + " parameter(s) of: " + sql);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalStateException("Parameter $" + (i + 1) + " is not bound in: " + sql);
            }
        }
        return values;
    }

    private int index(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The parameter name must not be null");
        }
        int index = -1;
        if (name.startsWith("$")) {
            try {
                index = Integer.parseInt(name.substring(1)) - 1;
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (index < 0 || index >= parameters) {
            throw new java.util.NoSuchElementException("No parameter named '" + name + "' in: " + sql
                + " (parameters are named $1.." + "$" + parameters + ")");
        }
        return index;
    }
}
