package dev.sluice.r2dbc.vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/**
 * A test class's factory on this run's database ({@link TestDatabase}) and one connection of it, opened before its
 * tests and closed after them; a subclass's own {@code @BeforeAll} runs once the connection is open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneConnection {
    VertxPostgresConnectionFactory factory;
    VertxPostgresConnection c;

    @BeforeAll
    void openConnection() {
        factory = TestDatabase.factory();
        c = Mono.from(factory.create()).block();
    }

    @AfterAll
    void closeConnection() {
        Mono.from(c.close()).block();
        factory.close().block();
    }
}
