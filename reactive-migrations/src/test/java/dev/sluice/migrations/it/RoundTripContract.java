package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.diff.MigrationPlan;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.diff.SchemaDiff;
import dev.sluice.migrations.fixtures.RoundTripSchema;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.testing.Schema;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.runner.StatementRunner;
import dev.sluice.migrations.snapshot.CodeSnapshots;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.SnapshotJson;
import dev.sluice.migrations.sql.MigrationSql;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Code → snapshot → SQL → database → introspected snapshot, which must equal the code's snapshot
 * (after {@link Normalized}); then the down script, after which the database is empty again.
 */
abstract class RoundTripContract {
  private LiveTarget target;
  private Database db;

  /** A fresh, empty database for each test. */
  protected abstract LiveTarget target(String purpose);

  @BeforeEach
  void open(org.junit.jupiter.api.TestInfo info) {
    target = target(info.getTestMethod().orElseThrow().getName().substring(0, 8).toLowerCase(java.util.Locale.ROOT));
    db = target.open();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close().block(Duration.ofSeconds(10));
    }
  }

  private void apply(List<String> statements) {
    Flux.fromIterable(statements).concatMap(s -> StatementRunner.run(db, s)).then().block(Duration.ofSeconds(60));
  }

  private SchemaSnapshot live() {
    return Introspector.forDialect(target.dialect()).snapshot(db, Set.of()).block(Duration.ofSeconds(60));
  }

  @Test
  void codeSnapshotAppliedAndIntrospectedIsTheCodeSnapshot() {
    roundTrip(CodeSnapshots.of(RoundTripSchema.TEAMS, RoundTripSchema.MEMBERS, RoundTripSchema.SEATS));
  }

  @Test
  void theSeedSchemaWithEveryColumnKindRoundTrips() {
    roundTrip(CodeSnapshots.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS, Schema.MEMBERSHIPS,
        Schema.KITCHENS, Schema.POSTS, Schema.COMMENTS, SeedSchema.AUTH_OTP));
  }

  private void roundTrip(SchemaSnapshot code) {
    MigrationPlan plan = SchemaDiff.between(SchemaSnapshot.EMPTY, code, RenameResolver.refuse());
    MigrationSql sql = MigrationSql.forDialect(db.dialect());
    apply(sql.up(plan).statements());

    SchemaSnapshot live = live();
    assertThat(SnapshotJson.write(Normalized.of(live, target.dialect())))
        .isEqualTo(SnapshotJson.write(Normalized.of(code, target.dialect())));

    apply(sql.down(plan).statements());
    assertThat(live().tables()).isEmpty();
  }
}
