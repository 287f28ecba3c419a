package dev.sluice.migrations.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.spi.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The part of the SQL Server catalog SQL that is {@code INFORMATION_SCHEMA} ({@link SqlServerCatalog#KEYS},
 * {@link SqlServerCatalog#CHECKS}), run live by H2 in {@code MODE=MSSQLServer} on tables created
 * with T-SQL spellings, and its rows mapped by {@link SqlServerIntrospector}. Not a SQL Server: H2
 * has no {@code sys.*} views (the columns, foreign key and index queries are golden- and
 * mapping-tested only) and no {@code SCHEMA_NAME()}, which this test defines as an alias returning
 * the connection's schema (the one test-only change to the SQL's environment, not to the SQL).
 */
public class SqlServerCatalogOnH2IT {
  private Database db;

  /** H2's stand-in for T-SQL's {@code SCHEMA_NAME()}: the current schema. */
  public static String schemaName(Connection c) throws SQLException {
    return c.getSchema();
  }

  @BeforeEach
  void open() {
    db = Database.builder().url("r2dbc:h2:mem:///mssql-catalog-" + UUID.randomUUID()
            + "?options=MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
        .dialect(Dialects.named("h2")).poolSize(2).build();
    run("CREATE ALIAS SCHEMA_NAME FOR '" + SqlServerCatalogOnH2IT.class.getName() + ".schemaName'",
        "CREATE TABLE [seats] ([team_id] BIGINT NOT NULL, [seat_no] SMALLINT NOT NULL,"
            + " CONSTRAINT [seats_pkey] PRIMARY KEY ([team_id], [seat_no]))",
        "CREATE TABLE [users] ([id] INT IDENTITY(1,1) NOT NULL, [email] NVARCHAR(256), [code] NVARCHAR(20),"
            + " [region] NVARCHAR(20), CONSTRAINT [users_pkey] PRIMARY KEY ([id]),"
            + " CONSTRAINT [users_email_key] UNIQUE ([email]),"
            + " CONSTRAINT [users_code_region_key] UNIQUE ([region], [code]),"
            + " CONSTRAINT [users_code_check] CHECK (LEN([code]) > 2),"
            + " CONSTRAINT [users_region_enum] CHECK ([region] IN ('north', 'south')))");
  }

  @AfterEach
  void close() {
    db.close().block(Duration.ofSeconds(10));
  }

  private void run(String... statements) {
    Flux.fromArray(statements).concatMap(s -> db.sql(s).fetch()).then().block(Duration.ofSeconds(30));
  }

  private List<Row> rows(String sql) {
    return db.sql(sql).fetch().collectList().block(Duration.ofSeconds(30));
  }

  private static List<String> flat(List<Row> rows, String... labels) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> values = new ArrayList<>();
      for (String l : labels) {
        values.add(String.valueOf(r.get(l, Object.class)));
      }
      out.add(String.join("|", values));
    }
    return out;
  }

  @Test
  void theKeysQueryReturnsEveryKeyColumnInKeyOrder() {
    assertThat(flat(rows(SqlServerCatalog.KEYS), "table_name", "name", "kind", "column_name", "ord")).containsExactly(
        "seats|seats_pkey|PRIMARY KEY|team_id|1",
        "seats|seats_pkey|PRIMARY KEY|seat_no|2",
        "users|users_code_region_key|UNIQUE|region|1",
        "users|users_code_region_key|UNIQUE|code|2",
        "users|users_email_key|UNIQUE|email|1",
        "users|users_pkey|PRIMARY KEY|id|1");
  }

  @Test
  void theChecksQueryReturnsTheNamedChecks() {
    assertThat(flat(rows(SqlServerCatalog.CHECKS), "table_name", "name")).containsExactly(
        "users|users_code_check", "users|users_region_enum");
  }

  @Test
  void theLiveRowsMapToKeysUniquesAndChecksWithoutTheEnumStandIn() {
    Map<String, List<Row>> recorded = new LinkedHashMap<>(SqlServerIntrospectorTest.recorded().build());
    recorded.put("keys", rows(SqlServerCatalog.KEYS));
    recorded.put("checks", rows(SqlServerCatalog.CHECKS));
    recorded.put("foreign-keys", List.of());
    recorded.put("indexes", List.of());
    SchemaSnapshot s = new SqlServerIntrospector().map(recorded, Set.of());

    TableSnapshot seats = s.table("seats").orElseThrow();
    assertThat(seats.primaryKey()).containsExactly("team_id", "seat_no");
    TableSnapshot users = s.table("users").orElseThrow();
    assertThat(users.primaryKey()).containsExactly("id");
    assertThat(users.uniques()).containsExactly(new UniqueSnapshot("users_code_region_key", List.of("region", "code")),
        new UniqueSnapshot("users_email_key", List.of("email")));
    assertThat(users.checks()).extracting(CheckSnapshot::name).containsExactly("users_code_check");
  }
}
