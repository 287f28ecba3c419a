package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.fixtures.RoundTripSchema;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.migrations.introspect.CatalogAccess;
import dev.sluice.migrations.runner.StatementRunner;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.sql.MigrationSql;
import dev.sluice.testing.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * CockroachDB's catalog SQL run live by PostgreSQL, whose catalogs CockroachDB reproduces, and
 * mapped by the CockroachDB introspector: code → PostgreSQL SQL → database → snapshot, equal to the
 * code's (as the round trips compare them). Not a CockroachDB (its container round trip is {@link
 * CockroachRoundTripIT}): one test-only change to the SQL, PostgreSQL having no {@code
 * information_schema.columns.is_hidden}, that condition is taken out of the columns query; the
 * CockroachDB-only rules of the mapping (typed casts, {@code unique_rowid()}, the hidden
 * {@code rowid}) are covered by {@code CockroachIntrospectorTest}.
 */
class CockroachCatalogOnPostgresIT {
  private static final Duration T = Duration.ofSeconds(60);
  private static final String HIDDEN = " AND c.is_hidden = 'NO'";
  private Database db;

  @BeforeEach
  void open() {
    db = LiveTarget.postgres("crdbcatalog").open();
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  private SchemaSnapshot introspect() {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    CatalogAccess.cockroachQueries().forEach((name, sql) ->
        rows.put(name, db.sql(sql.replace(HIDDEN, "")).fetch().collectList().block(T)));
    return CatalogAccess.cockroachMap(rows, Set.of());
  }

  @Test
  void theCatalogSqlReadsBackTheSchemaPostgresqlHolds() {
    assertThat(CatalogAccess.cockroachQueries().get("columns")).contains(HIDDEN);
    SchemaSnapshot code = CodeSnapshots.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS,
        Schema.MEMBERSHIPS, Schema.KITCHENS, Schema.POSTS, Schema.COMMENTS, SeedSchema.AUTH_OTP,
        RoundTripSchema.TEAMS, RoundTripSchema.MEMBERS, RoundTripSchema.SEATS);
    List<String> up = MigrationSql.forDialect(db.dialect())
        .up(SchemaDiff.between(SchemaSnapshot.EMPTY, code, RenameResolver.refuse())).statements();
    Flux.fromIterable(up).concatMap(s -> StatementRunner.run(db, s)).then().block(T);

    SchemaSnapshot live = introspect();

    assertThat(live.enums()).isNotEmpty();
    assertThat(live.tables()).hasSize(code.tables().size());
    assertThat(SnapshotJson.write(Normalized.of(live, "cockroachdb")))
        .isEqualTo(SnapshotJson.write(Normalized.of(code, "cockroachdb")));
  }
}
