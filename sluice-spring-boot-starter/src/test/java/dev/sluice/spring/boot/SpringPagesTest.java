package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class SpringPagesTest {
  @Test
  void pageAndSizeOfAnUnsortedPageable() {
    assertThat(SpringPages.page(PageRequest.of(3, 25))).isEqualTo(3);
    assertThat(SpringPages.size(PageRequest.of(3, 25))).isEqualTo(25);
  }

  @Test
  void aSortedOrUnpagedPageableIsRefusedNotIgnored() {
    assertThatThrownBy(() -> SpringPages.page(PageRequest.of(0, 10, Sort.by("name"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name: ASC");
    assertThatThrownBy(() -> SpringPages.size(Pageable.unpaged())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaged");
  }

  @Test
  void aSluicePageAsSpringDatas() {
    org.springframework.data.domain.Page<String> p = SpringPages.toSpring(new Page<>(List.of("e"), 2, 2, 5));
    assertThat(p.getContent()).containsExactly("e");
    assertThat(p.getNumber()).isEqualTo(2);
    assertThat(p.getSize()).isEqualTo(2);
    assertThat(p.getTotalElements()).isEqualTo(5);
    assertThat(p.getTotalPages()).isEqualTo(3);
    assertThat(p.hasNext()).isFalse();
  }
}
