package dev.sluice.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/** Registers {@link SluiceJacksonModule} when Jackson 3 is on the class path. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(JacksonModule.class)
public class SluiceJacksonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public SluiceJacksonModule sluiceJacksonModule() {
    return new SluiceJacksonModule();
  }
}
