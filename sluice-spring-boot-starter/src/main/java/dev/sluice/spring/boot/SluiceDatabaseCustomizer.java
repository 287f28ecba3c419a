package dev.sluice.spring.boot;

import dev.sluice.DatabaseBuilder;

/**
 * Adjusts the builder of the auto-configured {@code Database} before it is built: every bean of this
 * type is applied, in order, after the {@code sluice.*} properties. The starter's own observability
 * (Micrometer, SQL logging) is wired this way, and an application can add its own.
 *
 * <pre>{@code
 * @Bean
 * SluiceDatabaseCustomizer auditObserver(AuditLog audit) {
 *   return builder -> builder.observer(new AuditObserver(audit));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SluiceDatabaseCustomizer {
  void customize(DatabaseBuilder builder);
}
