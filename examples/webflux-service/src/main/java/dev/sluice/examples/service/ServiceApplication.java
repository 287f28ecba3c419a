package dev.sluice.examples.service;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The example service: the starter gives it a Sluice {@code Database} on Boot's pool and applies
 * the migrations before the server starts. {@code java -jar webflux-service.jar --spring.r2dbc.url=...}
 */
@SpringBootApplication
public class ServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ServiceApplication.class, args);
  }

  /** Spring's DatabaseClient on the same pool, for the comparison routes under {@code /dc}. */
  @Bean
  DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
    return DatabaseClient.create(connectionFactory);
  }
}
