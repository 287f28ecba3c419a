package dev.sluice.migrations.introspect;

import dev.sluice.Database;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Reads a live database's schema into a {@link SchemaSnapshot} through catalog queries on the
 * reactive {@link Database} ({@code db.sql(...)}), never JDBC. One implementation per database;
 * {@link #forDialect} picks it by the database's dialect.
 *
 * <pre>{@code
 * Mono<SchemaSnapshot> live = Introspector.forDialect(db.dialect().name())
 *     .snapshot(db, Set.of("sluice_migrations"));
 * }</pre>
 *
 * What a database cannot tell back is named by convention, as code names it (see each
 * implementation), so that an introspected schema equals the code's wherever the database keeps
 * the information.
 */
public interface Introspector {

  /** The current schema of {@code db}, without the tables named in {@code excluded}. */
  Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded);

  /**
   * The introspector for a dialect name: postgresql, cockroachdb, sqlite, mysql, mariadb, h2,
   * sqlserver or oracle.
   */
  static Introspector forDialect(String dialect) {
    return switch (dialect) {
      case "postgresql" -> new PostgresIntrospector();
      case "sqlite" -> new SqliteIntrospector();
      case "mysql", "mariadb" -> new MySqlIntrospector();
      case "h2" -> new H2Introspector();
      case "cockroachdb" -> new CockroachIntrospector();
      case "sqlserver" -> new SqlServerIntrospector();
      case "oracle" -> new OracleIntrospector();
      default -> throw new IllegalArgumentException("No introspection for " + dialect + " yet");
    };
  }
}
