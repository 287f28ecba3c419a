package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link Page} as JSON through {@link SluiceJacksonModule}. */
class PageJsonTest {
  private static final String JSON = "{\"items\":[\"a\",\"b\"],\"page\":1,\"size\":2,\"total\":5,\"totalPages\":3,\"hasNext\":true}";

  @Test
  void writesItemsPageSizeTotalTotalPagesAndHasNext() {
    JsonMapper mapper = JsonMapper.builder().addModule(new SluiceJacksonModule()).build();
    assertThat(mapper.writeValueAsString(new Page<>(List.of("a", "b"), 1, 2, 5))).isEqualTo(JSON);
    assertThat(mapper.writeValueAsString(new Page<>(List.of("e"), 2, 2, 5)))
        .isEqualTo("{\"items\":[\"e\"],\"page\":2,\"size\":2,\"total\":5,\"totalPages\":3,\"hasNext\":false}");
  }

  @Test
  void readsItBack() {
    JsonMapper mapper = JsonMapper.builder().addModule(new SluiceJacksonModule()).build();
    Page<String> page = mapper.readValue(JSON, new TypeReference<Page<String>>() {});
    assertThat(page).isEqualTo(new Page<>(List.of("a", "b"), 1, 2, 5));
  }

  @Test
  void bootsJsonMapperHasTheModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SluiceJacksonAutoConfiguration.class, JacksonAutoConfiguration.class))
        .run(ctx -> assertThat(ctx.getBean(JsonMapper.class).writeValueAsString(new Page<>(List.of("a", "b"), 1, 2, 5)))
            .isEqualTo(JSON));
  }
}
