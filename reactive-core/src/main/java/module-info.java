/**
 * Sluice's core: the schema DSL, the syntax tree, the builders, execution, transactions, errors and
 * the {@code Dialect} SPI.
 *
 * <p>The public API is every exported package. {@code dev.sluice.internal} (execution: the
 * {@code Executor} and its parts) is not exported: on the module path no code outside this module
 * can reach it. On the class path, where modules do not apply, the ArchUnit rules of
 * {@code ArchitectureTest} (and of each Sluice module's tests) forbid its use outside this module.
 */
module dev.sluice.core {
  requires transitive org.reactivestreams;
  requires transitive reactor.core;
  requires transitive r2dbc.spi;
  requires r2dbc.pool;
  requires reactor.pool;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;
  requires static jakarta.validation;
  requires static com.fasterxml.jackson.databind;
  requires static com.fasterxml.jackson.datatype.jsr310;

  exports dev.sluice;
  exports dev.sluice.cache;
  exports dev.sluice.error;
  exports dev.sluice.observe;
  exports dev.sluice.query;
  exports dev.sluice.schema;
  exports dev.sluice.spi;
  exports dev.sluice.sql;
  exports dev.sluice.sqlcache;
  exports dev.sluice.validation;

  uses dev.sluice.spi.Dialect;
  uses dev.sluice.spi.ConnectionSource;
}
