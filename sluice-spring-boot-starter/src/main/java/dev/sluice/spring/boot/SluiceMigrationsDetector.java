package dev.sluice.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SluiceMigrations} initializes the database, so that beans marked
 * {@code @DependsOnDatabaseInitialization} are created after the migrations ran (registered in
 * {@code META-INF/spring.factories}).
 */
public class SluiceMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(SluiceMigrations.class);
  }
}
