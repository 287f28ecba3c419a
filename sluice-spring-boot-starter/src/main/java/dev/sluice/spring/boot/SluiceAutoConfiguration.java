package dev.sluice.spring.boot;

import dev.sluice.Database;
import dev.sluice.DatabaseBuilder;
import dev.sluice.observe.QueryObserver;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@link Database} on Boot's R2DBC {@link ConnectionFactory} ({@code spring.r2dbc.*}, pooled by
 * Boot), with the dialect detected unless {@code sluice.dialect} names one, joining Spring's R2DBC
 * transactions on that factory, a {@link SluiceExceptionTranslator} and the translation of
 * {@code @Repository} beans' reactive errors ({@link ReactiveRepositoryTranslation}). Every
 * {@link QueryObserver} bean observes it, and every {@link SluiceDatabaseCustomizer} bean adjusts its
 * builder. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
@ConditionalOnClass({Database.class, ConnectionFactory.class})
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(SluiceProperties.class)
public class SluiceAutoConfiguration {

  /**
   * The database. Boot owns the pool: Sluice does not wrap the factory in a pool of its own, and
   * closing the context closes Boot's pool, not this bean (hence no destroy method).
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Database sluiceDatabase(ConnectionFactory connectionFactory, SluiceProperties properties,
      ObjectProvider<SluiceDatabaseCustomizer> customizers, ObjectProvider<QueryObserver> observers) {
    DatabaseBuilder b = Database.builder()
        .connectionFactory(connectionFactory)
        .pooled(false)
        .fetchSize(properties.getFetchSize())
        .revealBindValuesInErrors(properties.isRevealBindValues())
        .foreignTransactions(properties.getForeignTransactions())
        .maxRowsPerInsert(properties.getMaxRowsPerInsert())
        .sqlCacheSize(properties.getSqlCacheSize());
    if (properties.getDialect() != null && !properties.getDialect().isBlank()) {
      b.dialect(Dialects.named(properties.getDialect().trim()));
    }
    if (!properties.isJoinSpringTransactions()) {
      b.outsideTransactions(ConnectionSource.NONE);
    }
    if (properties.getName() != null && !properties.getName().isBlank()) {
      b.name(properties.getName().trim());
    }
    b.observeBinds(properties.getObserve().isBinds());
    observers.orderedStream().forEach(b::observer);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /** Translates the Sluice errors of {@code @Repository} beans' {@code Mono}s and {@code Flux}es. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "sluice", name = "translate-repository-errors", matchIfMissing = true)
  public static ReactiveRepositoryTranslation sluiceReactiveRepositoryTranslation() {
    return new ReactiveRepositoryTranslation();
  }

  /** Translates Sluice's exceptions into Spring's {@code DataAccessException}s. */
  @Bean
  @ConditionalOnMissingBean
  public SluiceExceptionTranslator sluiceExceptionTranslator() {
    return new SluiceExceptionTranslator();
  }
}
