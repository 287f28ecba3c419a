package dev.sluice.spring.boot;

import dev.sluice.query.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Between Spring Data's {@link Pageable}/{@link org.springframework.data.domain.Page} and Sluice's
 * {@link Page}; needs spring-data-commons (an optional dependency). Sorting stays in the query
 * ({@code orderBy} on typed columns): a sorted {@code Pageable} is refused rather than ignored.
 *
 * <pre>{@code
 * @GetMapping("/users")
 * Mono<Page<User>> users(Pageable p) {
 *   return db.selectFrom(USERS).orderBy(USERS.id).paginate(SpringPages.page(p), SpringPages.size(p));
 * }
 * }</pre>
 */
public final class SpringPages {
  private SpringPages() {}

  /** The page number (from 0) of a paged, unsorted {@code Pageable}. */
  public static int page(Pageable pageable) {
    return checked(pageable).getPageNumber();
  }

  /** The page size of a paged, unsorted {@code Pageable}. */
  public static int size(Pageable pageable) {
    return checked(pageable).getPageSize();
  }

  /** A Sluice page as Spring Data's. */
  public static <T> org.springframework.data.domain.Page<T> toSpring(Page<T> page) {
    return new PageImpl<>(page.items(), PageRequest.of(page.page(), page.size()), page.total());
  }

  private static Pageable checked(Pageable pageable) {
    if (pageable.isUnpaged()) {
      throw new IllegalArgumentException("An unpaged Pageable has no page number or size; use fetch()");
    }
    if (pageable.getSort().isSorted()) {
      throw new IllegalArgumentException("Sluice sorts in the query (orderBy on columns); this Pageable asks for "
          + pageable.getSort() + ", which would be ignored");
    }
    return pageable;
  }
}
