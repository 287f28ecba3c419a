package dev.sluice.spring.boot;

import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Repository;

/**
 * Proxies every {@code @Repository} bean so that the {@code Mono}s and {@code Flux}es its methods
 * return fail with Spring's {@code DataAccessException}s instead of Sluice's exceptions, as Spring's
 * {@code PersistenceExceptionTranslationPostProcessor} does for exceptions thrown by blocking
 * repositories (which it cannot do for reactive ones). Switched off by
 * {@code sluice.translate-repository-errors=false}.
 *
 * <pre>{@code
 * @Repository
 * class Accounts {
 *   Mono<Long> add(Account a) { return db.insertInto(ACCOUNTS).values(a).execute(); } // DuplicateKeyException
 * }
 * }</pre>
 */
public class ReactiveRepositoryTranslation extends AbstractAdvisingBeanPostProcessor {
  public ReactiveRepositoryTranslation() {
    this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Repository.class, true),
        new ReactiveTranslationInterceptor());
    setProxyTargetClass(true);
  }
}
