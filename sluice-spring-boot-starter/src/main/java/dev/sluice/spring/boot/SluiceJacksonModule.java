package dev.sluice.spring.boot;

import dev.sluice.query.Page;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson (3) module that writes a {@link Page} as
 * {@code {"items":[...],"page":0,"size":20,"total":45,"totalPages":3,"hasNext":true}}; Boot's
 * Jackson auto-configuration registers it in the application's {@code JsonMapper}, so WebFlux
 * controllers returning {@code Mono<Page<T>>} write that shape.
 */
public class SluiceJacksonModule extends SimpleModule {
  public SluiceJacksonModule() {
    super("sluice");
    setMixInAnnotation(Page.class, PageMixin.class);
  }
}
