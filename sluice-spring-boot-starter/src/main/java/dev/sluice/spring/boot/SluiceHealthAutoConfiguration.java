package dev.sluice.spring.boot;

import dev.sluice.Database;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code sluice} health indicator, when spring-boot-health is on the class path ({@code management.health.sluice.enabled}). */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(Database.class)
@ConditionalOnEnabledHealthIndicator("sluice")
public class SluiceHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "sluiceHealthIndicator")
  public SluiceHealthIndicator sluiceHealthIndicator(Database db, SluiceProperties properties) {
    return new SluiceHealthIndicator(db, properties.getHealth().getTimeout());
  }
}
