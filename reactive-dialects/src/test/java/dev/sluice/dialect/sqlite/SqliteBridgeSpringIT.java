package dev.sluice.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The SQLite bridge is an ordinary R2DBC driver: Spring's DatabaseClient and transactions work on it. */
class SqliteBridgeSpringIT {
  private static final Duration T = Duration.ofSeconds(30);

  @Test
  void springsDatabaseClientAndTransactionsRunOnTheBridge(@TempDir Path dir) {
    ConnectionFactory pool = ConnectionFactories.get("r2dbc:pool:sqlite:////"
        + dir.toAbsolutePath().toString().substring(1) + "/spring.db?maxSize=2");
    // Spring cannot guess bind markers for a driver it does not know; SQLite understands ?1, ?2, ...
    DatabaseClient client = DatabaseClient.builder().connectionFactory(pool)
        .bindMarkers(BindMarkersFactory.indexed("?", 1)).build();
    TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));

    client.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").then().block(T);
    assertThat(client.sql("INSERT INTO notes (body) VALUES (:body)").bind("body", "it's bound")
        .fetch().rowsUpdated().block(T)).isEqualTo(1L);

    StepVerifier.create(tx.transactional(client.sql("INSERT INTO notes (body) VALUES (:body)")
            .bind("body", "rolled back").then().then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    tx.transactional(client.sql("INSERT INTO notes (body) VALUES (:body)").bind("body", "committed").then())
        .block(T);

    List<String> bodies = client.sql("SELECT body FROM notes ORDER BY id")
        .map(row -> row.get("body", String.class)).all().collectList().block(T);
    assertThat(bodies).containsExactly("it's bound", "committed");
  }
}
