package dev.sluice.spring.boot;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Translates the Sluice errors of a method: the {@code Mono} or {@code Flux} it returns fails with
 * the Spring exception ({@link SpringErrors#translate}), and so does a Sluice exception it throws.
 */
final class ReactiveTranslationInterceptor implements MethodInterceptor {
  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Object result;
    try {
      result = invocation.proceed();
    } catch (RuntimeException e) {
      throw SpringErrors.translate(e);
    }
    if (result instanceof Mono<?> mono) {
      return mono.onErrorMap(SpringErrors::translate);
    }
    if (result instanceof Flux<?> flux) {
      return flux.onErrorMap(SpringErrors::translate);
    }
    return result;
  }
}
