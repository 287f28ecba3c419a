package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteStatementTest {

    private Connection connection;

    @BeforeEach
    void open() {
        connection = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder().inMemory().build()));
        Sql.update(connection, "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
    }

    @AfterEach
    void close() {
        Sql.close(connection);
    }

    @Test
    void bindsByIndexAndByNameForEveryMarkerStyle() {
        Sql.update(connection, "INSERT INTO person (name, age) VALUES (?, ?)", "ann", 30);
        bindAndRun("INSERT INTO person (name, age) VALUES (?1, ?2)", s -> s.bind("?1", "bob").bind(1, 31));
        bindAndRun("INSERT INTO person (name, age) VALUES ($1, $2)", s -> s.bind("$1", "cid").bind("$2", 32));
        bindAndRun("INSERT INTO person (name, age) VALUES (:name, @age)", s -> s.bind("name", "dan").bind("@age", 33));
        bindAndRun("INSERT INTO person (name, age) VALUES ($n, :a)", s -> s.bind("$n", "eve").bind(":a", 34));
        assertThat(Sql.query(connection, "SELECT name || age FROM person ORDER BY id", String.class))
            .containsExactly("ann30", "bob31", "cid32", "dan33", "eve34");
    }

    @Test
    void bindNullAndParameterObjects() {
        bindAndRun("INSERT INTO person (name, age) VALUES ($1, $2)", s -> s.bind(0, "x").bindNull(1, Integer.class));
        bindAndRun("INSERT INTO person (name, age) VALUES ($1, $2)", s -> s.bind(0, Parameters.in("y")).bind(1, Parameters.in(Integer.class)));
        assertThat(Sql.single(connection, "SELECT count(*) FROM person WHERE age IS NULL", Long.class)).isEqualTo(2L);
    }

    @Test
    void invalidBindingsFailEagerly() {
        Statement statement = connection.createStatement("SELECT * FROM person WHERE name = $1 AND age = $2");
        assertThatThrownBy(() -> statement.bind(2, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> statement.bind("$3", "x")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> statement.bind(0, new Object())).isInstanceOf(IllegalArgumentException.class);
        statement.bind(0, "x");
        assertThatThrownBy(statement::add).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(statement::execute).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> statement.fetchSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addYieldsOneResultPerBinding() {
        Statement statement = connection.createStatement("INSERT INTO person (name, age) VALUES ($1, $2)");
        for (int i = 0; i < 5; i++) {
            statement.bind(0, "p" + i).bind(1, i);
            if (i < 4) {
                statement.add();
            }
        }
        List<Long> counts = Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).collectList().block();
        assertThat(counts).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(Sql.update(connection, "UPDATE person SET age = age + 1 WHERE age >= 3")).isEqualTo(2);
        assertThat(Sql.update(connection, "CREATE INDEX idx ON person (age)")).isZero();
    }

    @Test
    void returnGeneratedValuesUsesReturning() {
        Statement statement = connection.createStatement("INSERT INTO person (name) VALUES ($1)")
            .bind(0, "a").add().bind(0, "b").returnGeneratedValues("id");
        List<Long> ids = Flux.from(statement.execute()).concatMap(r -> r.map(row -> row.get("id", Long.class))).collectList().block();
        assertThat(ids).containsExactly(1L, 2L);

        Result result = Mono.from(connection.createStatement("INSERT INTO person (name) VALUES ('c'), ('d')")
            .returnGeneratedValues().execute()).block();
        assertThat(Mono.from(result.getRowsUpdated()).block()).isEqualTo(2L);
    }

    @Test
    void compoundStatementsAndBatches() {
        List<Object> out = Flux.from(connection.createBatch()
                .add("INSERT INTO person (name, age) VALUES ('a', 1)")
                .add("INSERT INTO person (name, age) VALUES ('b', 2); SELECT name FROM person ORDER BY name")
                .execute())
            .concatMap(r -> r.flatMap(segment -> segment instanceof Result.UpdateCount
                ? Mono.just((Object) ((Result.UpdateCount) segment).value())
                : Mono.just((Object) ((Result.RowSegment) segment).row().get(0, String.class))))
            .collectList().block();
        assertThat(out).containsExactly(1L, 1L, "a", "b");
    }

    @Test
    void errorsAreMessageSegmentsAndStopExecution() {
        List<Result.Segment> segments = Flux.from(connection.createStatement("SELECT * FROM nope; INSERT INTO person (name) VALUES ('z')").execute())
            .concatMap(r -> r.flatMap(Mono::just)).collectList().block();
        assertThat(segments).hasSize(1).first().isInstanceOf(Result.Message.class);
        Result.Message message = (Result.Message) segments.get(0);
        assertThat(message.exception()).isInstanceOf(R2dbcBadGrammarException.class);
        assertThat(message.message()).contains("no such table: nope");
        assertThat(Sql.single(connection, "SELECT count(*) FROM person", Long.class)).isZero();
        assertThatThrownBy(() -> Sql.query(connection, "SELEC 1", Integer.class)).isInstanceOf(R2dbcBadGrammarException.class);
    }

    @Test
    void filterAndSingleConsumption() {
        Sql.update(connection, "INSERT INTO person (name, age) VALUES ('a', 1), ('b', 2)");
        Result result = Mono.from(connection.createStatement("SELECT name FROM person").execute()).block();
        List<String> names = Flux.from(result.filter(s -> s instanceof Result.RowSegment)
            .map((row, meta) -> row.get(0, String.class))).collectList().block();
        assertThat(names).containsExactly("a", "b");

        Result once = Mono.from(connection.createStatement("SELECT name FROM person").execute()).block();
        assertThat(Flux.from(once.map(r -> r.get(0))).count().block()).isEqualTo(2);
        assertThatThrownBy(() -> Flux.from(once.map(r -> r.get(0))).blockLast()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowMetadataDescribesColumns() {
        Sql.update(connection, "INSERT INTO person (name, age) VALUES ('a', 1)");
        List<String> described = Flux.from(connection.createStatement("SELECT id, name, age, 1.5 AS r FROM person").execute())
            .concatMap(r -> r.map((row, meta) -> meta.getColumnMetadatas().stream()
                .map(c -> c.getName() + ":" + c.getJavaType().getSimpleName() + ":" + c.getNullability()).toList()))
            .blockLast();
        assertThat(described).containsExactly("id:Integer:NULLABLE", "name:String:NON_NULL", "age:Integer:NULLABLE",
            "r:Double:NULLABLE");
    }

    private void bindAndRun(String sql, java.util.function.Consumer<Statement> binder) {
        Statement statement = connection.createStatement(sql);
        binder.accept(statement);
        assertThat(Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).blockLast()).isEqualTo(1L);
    }
}
