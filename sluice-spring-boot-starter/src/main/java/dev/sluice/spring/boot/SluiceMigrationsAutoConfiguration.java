package dev.sluice.spring.boot;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Applies Sluice migrations at start-up ({@link SluiceMigrations}) when reactive-migrations is on the
 * class path and {@code sluice.migrations.enabled} is not false. Beans marked
 * {@code @DependsOnDatabaseInitialization} are created after them (Boot's
 * {@link DatabaseInitializationDependencyConfigurer}, as for Flyway).
 */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnBean(Database.class)
@ConditionalOnProperty(prefix = "sluice.migrations", name = "enabled", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class SluiceMigrationsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public SluiceMigrations sluiceMigrations(Database db, SluiceProperties properties, ResourceLoader resources) {
    return new SluiceMigrations(db, properties.getMigrations(), resources);
  }
}
