package dev.sluice.spring.boot;

import dev.sluice.Database;
import dev.sluice.micrometer.MicrometerObserver;
import dev.sluice.observe.SqlLogger;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the auto-configured {@link Database} tells about its statements: SQL logging
 * ({@code sluice.observe.log-sql}, {@code sluice.observe.slow-statement}) and, when sluice-micrometer
 * and an {@link ObservationRegistry} bean are there (Boot's actuator makes one), a Micrometer
 * observation per statement and transaction, so each statement is a span of the request's trace
 * ({@code sluice.observe.micrometer=false} switches it off). Applied as
 * {@link SluiceDatabaseCustomizer}s when the database bean is built.
 */
@AutoConfiguration(before = SluiceAutoConfiguration.class)
@ConditionalOnClass(Database.class)
public class SluiceObservationAutoConfiguration {

  /** SLF4J logging of statements on {@code dev.sluice.sql}, with a slow-statement WARN if set. */
  @Bean
  @ConditionalOnProperty(prefix = "sluice.observe", name = "log-sql", havingValue = "true")
  public SluiceDatabaseCustomizer sluiceSqlLogger(SluiceProperties properties) {
    return builder -> {
      SqlLogger.Builder log = SqlLogger.builder().withBinds(properties.getObserve().isBinds());
      if (properties.getObserve().getSlowStatement() != null) {
        log.slowerThan(properties.getObserve().getSlowStatement());
      }
      builder.observer(log.build());
    };
  }

  /** Micrometer observations, when sluice-micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MicrometerObserver.class, ObservationRegistry.class})
  @ConditionalOnProperty(prefix = "sluice.observe", name = "micrometer", matchIfMissing = true)
  static class Micrometer {
    /** Adds the observer only if the application has an {@code ObservationRegistry}; nothing otherwise. */
    @Bean
    SluiceDatabaseCustomizer sluiceMicrometerObserver(ObjectProvider<ObservationRegistry> registry) {
      return builder -> registry.ifAvailable(r -> builder.observer(MicrometerObserver.of(r)));
    }
  }
}
