package dev.sluice.spring.boot;

import dev.sluice.error.SluiceException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns the Sluice errors of a {@code Mono} or {@code Flux} into Spring's
 * {@code DataAccessException}s ({@link SluiceExceptionTranslator}), at the boundary where Spring
 * code (a controller advice, a retry template) expects them. Other errors pass unchanged.
 *
 * <pre>{@code
 * Mono<Long> saved = db.insertInto(USERS).values(user).execute()
 *     .onErrorMap(SpringErrors::translate);       // a duplicate: DuplicateKeyException
 * Flux<User> all = SpringErrors.translated(db.selectFrom(USERS).fetch());
 * }</pre>
 */
public final class SpringErrors {
  private static final SluiceExceptionTranslator TRANSLATOR = new SluiceExceptionTranslator();

  private SpringErrors() {}

  /** The Spring exception for a Sluice one; any other throwable unchanged. */
  public static Throwable translate(Throwable error) {
    return error instanceof SluiceException s ? TRANSLATOR.translate(s) : error;
  }

  /** {@code mono} with its Sluice error translated. */
  public static <T> Mono<T> translated(Mono<T> mono) {
    return mono.onErrorMap(SpringErrors::translate);
  }

  /** {@code flux} with its Sluice error translated. */
  public static <T> Flux<T> translated(Flux<T> flux) {
    return flux.onErrorMap(SpringErrors::translate);
  }
}
